namespace IdentityContainment.Sandbox;

/// <summary>The organization the sandbox pretends to be.</summary>
public sealed record TenantRecord
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public required IReadOnlyList<VerifiedDomain> VerifiedDomains { get; init; }
    public string CountryLetterCode { get; init; } = "US";
    public string TenantType { get; init; } = "AAD";
    public DateTimeOffset? CreatedDateTime { get; init; }

    /// <summary>
    /// Whether the tenant has Entra ID P1 (or P2). Without it Graph refuses auditLogs/signIns (CONTRACT §9: "An Entra ID
    /// P1/P2 licence is required").
    /// </summary>
    public bool HasEntraIdPremium { get; init; } = true;

    /// <summary>Domains added to the tenant but not verified: GET /domains lists them with isVerified false; they are no tenant's own.</summary>
    public IReadOnlyList<string> UnverifiedDomains { get; init; } = [];

    /// <summary>The domain new UPNs are shown with; falls back to the initial domain.</summary>
    public string DefaultDomain =>
        (VerifiedDomains.FirstOrDefault(d => d.IsDefault) ?? VerifiedDomains.First(d => d.IsInitial)).Name;

    public string InitialDomain => VerifiedDomains.First(d => d.IsInitial).Name;
}

/// <summary>A verified domain as Graph's organization.verifiedDomains lists it.</summary>
public sealed record VerifiedDomain
{
    public required string Name { get; init; }
    public bool IsDefault { get; init; }
    public bool IsInitial { get; init; }
    public string Type { get; init; } = "Managed";
    public string Capabilities { get; init; } = "Email, OfficeCommunicationsOnline";
}
