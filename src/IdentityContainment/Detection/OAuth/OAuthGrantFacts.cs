namespace IdentityContainment.Detection.OAuth;

/// <summary>
/// One grant or app role assignment with everything the rules judge it by: the permissions, the client and resource
/// apps, and what the audit log and the rest of the tenant say about the consent. Gathered by the reader; judged by
/// <see cref="OAuthGrantRules"/> without any I/O.
/// </summary>
public sealed record OAuthGrantFacts
{
    public GrantKind Kind { get; init; }

    /// <summary>Principal or AllPrincipals for a delegated grant; null for an application permission.</summary>
    public string? ConsentType { get; init; }

    public ServicePrincipalFacts Client { get; init; } = new();

    /// <summary>The API the permissions are on (Microsoft Graph, Exchange Online...); null when it could not be read.</summary>
    public ServicePrincipalFacts? Resource { get; init; }

    /// <summary>Delegated scopes, or the application role's value.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = Array.Empty<string>();

    /// <summary>The tenant the grant lives in: an app registered here is the organisation's own.</summary>
    public string? HomeTenantId { get; init; }

    /// <summary>When the consent was given, from the directory audit log; null when the log does not say (or was not read).</summary>
    public DateTimeOffset? ConsentedAt { get; init; }

    /// <summary>When the compromise began (-Since); null when not given.</summary>
    public DateTimeOffset? IncidentStart { get; init; }

    /// <summary>How many users hold a Principal grant for this client; null when unknown.</summary>
    public int? ConsentingUsers { get; init; }

    /// <summary>The user principal names and display names of the users the grant covers, for names that copy a user.</summary>
    public IReadOnlyList<string> PrincipalNames { get; init; } = Array.Empty<string>();

    public string? ResourceAppId => Resource?.AppId;

    public bool IsAllPrincipals => string.Equals(ConsentType, "AllPrincipals", StringComparison.OrdinalIgnoreCase);

    /// <summary>Registered in another organisation's tenant, and not Microsoft's.</summary>
    public bool IsForeign =>
        Client.OwnerTenantId is { } owner && !Client.IsMicrosoftFirstParty && !string.Equals(owner, HomeTenantId, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Kind} {ConsentType} {Client.DisplayName} ({Client.AppId}): {string.Join(" ", Permissions)}";
}
