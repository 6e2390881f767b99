namespace IdentityContainment.Sandbox;

/// <summary>
/// An Azure Key Vault in the scenario, with the vault access policies that say who may do what with
/// its secrets. It is served at <see cref="KeyVaultResource.VaultUri"/>.
/// </summary>
public sealed record KeyVaultRecord
{
    /// <summary>3 to 24 letters, digits and hyphens, starting with a letter (Azure's rule).</summary>
    public required string Name { get; init; }
    public IReadOnlyList<KeyVaultAccessPolicy> AccessPolicies { get; init; } = [];

    /// <summary>True when the principal (a token's oid) holds <paramref name="permission"/> ("get", "set"...) on secrets.</summary>
    public bool Allows(string objectId, string permission) =>
        AccessPolicies.Any(p => string.Equals(p.ObjectId, objectId, StringComparison.OrdinalIgnoreCase)
            && p.Permissions.Secrets.Contains(permission, StringComparer.OrdinalIgnoreCase));
}

/// <summary>One entry of a vault's access policy: a principal and the operations it may perform.</summary>
public sealed record KeyVaultAccessPolicy
{
    /// <summary>Object id of a service principal, managed identity or user (scenario files may name a user by UPN).</summary>
    public required string ObjectId { get; init; }

    /// <summary>For people reading the scenario; not used.</summary>
    public string? DisplayName { get; init; }
    public KeyVaultPermissions Permissions { get; init; } = new();
}

/// <summary>Permissions per object kind, as Key Vault's access policies list them (the sandbox serves secrets only).</summary>
public sealed record KeyVaultPermissions
{
    /// <summary>get, list, set, delete, backup, restore, recover, purge.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    public static readonly IReadOnlySet<string> KnownSecretPermissions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "get", "list", "set", "delete", "backup", "restore", "recover", "purge",
    };
}
