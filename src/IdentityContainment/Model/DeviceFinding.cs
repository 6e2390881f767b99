using IdentityContainment.Detection;

namespace IdentityContainment;

/// <summary>
/// One device of a user, judged: an attacker's registered device holds a primary refresh token that outlives the
/// password. Flat and text-valued for runbooks and JSON evidence; piped to Disable-SuspiciousDevice it names exactly the
/// device to disable, and piped to Revoke-CompromisedSession it names its user.
/// </summary>
public sealed class DeviceFinding : Finding
{
    /// <summary>The user's Entra object id.</summary>
    public string UserId { get; init; } = string.Empty;

    public string? UserPrincipalName { get; init; }

    /// <summary>The device's directory object id (what PATCH /devices/{id} takes).</summary>
    public string DeviceObjectId { get; init; } = string.Empty;

    /// <summary>The Device Registration Service id: what sign-ins name in deviceDetail/deviceId.</summary>
    public string? DeviceId { get; init; }

    public string? DisplayName { get; init; }

    public string? OperatingSystem { get; init; }

    public string? OperatingSystemVersion { get; init; }

    /// <summary>Workplace (Entra registered), AzureAd (joined) or ServerAd (hybrid joined).</summary>
    public string? TrustType { get; init; }

    public bool? IsManaged { get; init; }

    public bool? IsCompliant { get; init; }

    public DateTimeOffset? RegistrationDateTime { get; init; }

    public DateTimeOffset? ApproximateLastSignInDateTime { get; init; }

    /// <summary>Whether the device could still sign in when it was read.</summary>
    public bool? AccountEnabled { get; init; }

    /// <summary>RegisteredOwner, RegisteredUser, or both: which of the user's device lists named it.</summary>
    public string Relation { get; init; } = string.Empty;

    /// <summary>
    /// Whether an app signed in as itself may disable it: Graph lets an app disable Windows devices only; the others need
    /// a person signed in with a device administrator role.
    /// </summary>
    public bool AppOnlyCanDisable { get; init; }

    /// <summary>The device as Graph listed it (JSON).</summary>
    public string? BeforeImage { get; init; }

    public override string ToString() => $"{RiskLevel} {DisplayName ?? DeviceObjectId} ({OperatingSystem}, {TrustType}) of {UserPrincipalName ?? UserId}";
}
