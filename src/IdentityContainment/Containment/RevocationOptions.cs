namespace IdentityContainment.Containment;

/// <summary>What Revoke-CompromisedSession was asked to do besides revoking.</summary>
public sealed class RevocationOptions
{
    /// <summary>Disable the account first, so no new session can start between the revocation and the password reset.</summary>
    public bool DisableAccount { get; init; }

}
