namespace IdentityContainment.Sandbox;

/// <summary>
/// One version of a secret stored in a sandbox Key Vault, as tests see it: everything but the value,
/// which can be checked with <see cref="Matches"/> or, where a test must have it, read with
/// <see cref="RevealSecretForTest"/>.
/// </summary>
public sealed record KeyVaultSecretInfo
{
    public required string VaultName { get; init; }
    public required string Name { get; init; }

    /// <summary>32 hex digits, as Key Vault makes them.</summary>
    public required string Version { get; init; }
    public string? ContentType { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public bool Enabled { get; init; } = true;
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Updated { get; init; }

    /// <summary>The value, held so that it does not print or serialize; see <see cref="Matches"/>.</summary>
    public required RetrievableSecret Value { get; init; }

    /// <summary>The secret version's id, e.g. https://kv-x.vault.localhost/secrets/name/0123...</summary>
    public Uri Id => KeyVaultResource.SecretId(VaultName, Name, Version);

    /// <summary>True when the stored value is exactly <paramref name="candidate"/> (constant time).</summary>
    public bool Matches(string? candidate) => Value.Matches(candidate);

    /// <summary>The stored value in clear: for a test that must compare it with something it cannot name in advance.</summary>
    public string RevealSecretForTest() => Value.Reveal();
}
