namespace IdentityContainment.Sandbox;

/// <summary>The shape of a generated tenant. The same options (and seed) always give the same tenant.</summary>
public sealed record GeneratedTenantOptions
{
    /// <summary>Generated users, on top of the operator admins carried over from the clean scenario.</summary>
    public int Users { get; init; } = 100;

    /// <summary>Users with a stolen session and a known password (session + password footholds each).</summary>
    public int CompromisedUsers { get; init; } = 1;

    /// <summary>Third-party enterprise apps users consent to.</summary>
    public int ServicePrincipals { get; init; } = 20;
    public int GrantsPerUser { get; init; } = 1;
    public int InboxRulesPerUser { get; init; } = 1;
    public int Seed { get; init; } = 1;

    /// <summary>The moment relative times are taken from; default now.</summary>
    public DateTimeOffset? Now { get; init; }
}
