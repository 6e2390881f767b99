namespace IdentityContainment.Containment;

/// <summary>What Revoke-CompromisedSession was asked to do besides revoking.</summary>
public sealed class RevocationOptions
{
    /// <summary>Disable the account first, so no new session can start between the revocation and the password reset.</summary>
    public bool DisableAccount { get; init; }

    /// <summary>
    /// Marks users confirmed compromised in Identity Protection (risk high), which risk policies act on. Shared by all
    /// batches of one run, so that users are gathered into few calls; null leaves Identity Protection alone.
    /// </summary>
    public CompromiseConfirmer? ConfirmCompromised { get; init; }

    /// <summary>Disable the devices registered to each user since this moment: an attacker's device joins the account.</summary>
    public DateTimeOffset? DisableDevicesRegisteredSince { get; init; }

    /// <summary>How long to keep reading back users whose read does not show the write yet (directory replication lag).</summary>
    public TimeSpan ReadBackTimeout { get; init; } = DefaultReadBackTimeout;

    public static readonly TimeSpan DefaultReadBackTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Refuses the signed-in responder's own account; null acts on every user (an app, or -Force).</summary>
    public OwnAccountGuard? OwnAccount { get; init; }

    /// <summary>
    /// Shared by all batches of one run: a user named once by name and once by id is reported (and confirmed, and its
    /// devices disabled) once. Null reports every input, for a caller that made its users distinct itself.
    /// </summary>
    public Pipeline.OncePerUser? ReportedUsers { get; init; }
}
