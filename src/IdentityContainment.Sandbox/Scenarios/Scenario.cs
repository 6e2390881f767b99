using System.Text.Json.Serialization;

namespace IdentityContainment.Sandbox;

/// <summary>Everything a sandbox tenant starts from: the schema of the scenario files (Scenarios/README.md).</summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required TenantRecord Tenant { get; init; }
    public ScenarioOperators Operators { get; init; } = new();
    public IReadOnlyList<UserRecord> Users { get; init; } = [];
    public IReadOnlyList<ServicePrincipalRecord> ServicePrincipals { get; init; } = [];

    [JsonPropertyName("oauth2PermissionGrants")]
    public IReadOnlyList<PermissionGrantRecord> OAuth2PermissionGrants { get; init; } = [];
    public IReadOnlyList<AppRoleAssignmentRecord> AppRoleAssignments { get; init; } = [];
    public IReadOnlyList<MailboxRecord> Mailboxes { get; init; } = [];

    /// <summary>Exchange mail contacts (outside addresses in the address book), which mailbox forwarding may name.</summary>
    public IReadOnlyList<MailContactRecord> MailContacts { get; init; } = [];
    public IReadOnlyList<AuthenticationMethodRecord> AuthenticationMethods { get; init; } = [];
    public IReadOnlyList<DeviceRecord> Devices { get; init; } = [];
    public IReadOnlyList<SignInRecord> SignIns { get; init; } = [];
    public IReadOnlyList<DirectoryAuditRecord> DirectoryAudits { get; init; } = [];
    public IReadOnlyList<RiskyUserRecord> RiskyUsers { get; init; } = [];

    /// <summary>Azure Key Vaults the operators store temporary passwords in, with their access policies.</summary>
    public IReadOnlyList<KeyVaultRecord> KeyVaults { get; init; } = [];

    /// <summary>The attacker's ways back in; the ground truth evaluates each against the live state.</summary>
    public IReadOnlyList<FootholdDefinition> Footholds { get; init; } = [];
}
