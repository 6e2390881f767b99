namespace IdentityContainment.Applications;

/// <summary>What Remove-SuspiciousOAuthGrant was asked to do besides removing.</summary>
public sealed record GrantRemovalOptions
{
    /// <summary>
    /// Also disable each finding's app (accountEnabled false): Microsoft's advice, since a deleted app comes back with the
    /// next consent, while a disabled one cannot get tokens at all.
    /// </summary>
    public bool DisableServicePrincipal { get; init; }

    /// <summary>Remove tenant-wide (AllPrincipals) grants too: they are every user's, so they need -Force.</summary>
    public bool AllowTenantWide { get; init; }
}
