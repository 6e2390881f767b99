namespace IdentityContainment;

/// <summary>A user's state as containment sees it: can they sign in, since when are sessions valid, who masters the password.</summary>
public sealed class ContainmentUser
{
    public string Id { get; init; } = string.Empty;

    public string? UserPrincipalName { get; init; }

    public string? DisplayName { get; init; }

    public string? Mail { get; init; }

    /// <summary>Every address Exchange delivers to the user ("SMTP:primary", "smtp:alias"), as Graph lists them.</summary>
    public string[] ProxyAddresses { get; init; } = Array.Empty<string>();

    /// <summary>Member or Guest. Revoking a guest's sessions does not reach their home tenant.</summary>
    public string? UserType { get; init; }

    public bool? AccountEnabled { get; init; }

    /// <summary>True when on-premises AD masters the account: cloud password resets and disables are refused.</summary>
    public bool? OnPremisesSyncEnabled { get; init; }

    public DateTimeOffset? CreatedDateTime { get; init; }

    public DateTimeOffset? LastPasswordChangeDateTime { get; init; }

    /// <summary>Refresh tokens and session cookies issued before this moment are dead: the evidence of a revocation.</summary>
    public DateTimeOffset? SignInSessionsValidFromDateTime { get; init; }

    public override string ToString() => UserPrincipalName ?? Id;
}
