namespace IdentityContainment.Sandbox;

public sealed partial class TenantState
{
    private readonly KeyedTable<KeyVaultRecord> _keyVaults;

    // Every version of every secret, oldest first, by "vault/name".
    private readonly Dictionary<string, List<KeyVaultSecretInfo>> _keyVaultSecrets = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<KeyVaultRecord> KeyVaults
    {
        get { lock (_gate) return _keyVaults.ToArray(); }
    }

    /// <summary>
    /// A fault for tests: the vault the answer to a stored secret names in its id, instead of the vault that stored it
    /// (a tampered or misrouted answer). The secret is still stored. Null: the answer names the storing vault.
    /// </summary>
    public Uri? StoredSecretIdVault { get; set; }

    public KeyVaultRecord? FindKeyVault(string name)
    {
        lock (_gate) return _keyVaults.Find(name);
    }

    /// <summary>Every version of every secret in every vault, oldest first. Values are not shown; see <see cref="KeyVaultSecretInfo.Matches"/>.</summary>
    public IReadOnlyList<KeyVaultSecretInfo> KeyVaultSecrets
    {
        get { lock (_gate) return _keyVaultSecrets.Values.SelectMany(v => v).OrderBy(s => s.Created).ToArray(); }
    }

    /// <summary>A secret's current version (or the named one), or null.</summary>
    public KeyVaultSecretInfo? FindKeyVaultSecret(string vaultName, string secretName, string? version = null)
    {
        lock (_gate)
        {
            if (!_keyVaultSecrets.TryGetValue(SecretKey(vaultName, secretName), out var versions))
                return null;
            return version is null
                ? versions[^1]
                : versions.FirstOrDefault(v => string.Equals(v.Version, version, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Stores a new version, which becomes the current one (what PUT secrets/{name} does).</summary>
    internal KeyVaultSecretInfo AddKeyVaultSecretVersion(KeyVaultSecretInfo secret)
    {
        lock (_gate)
        {
            if (_keyVaults.Find(secret.VaultName) is null)
                throw new InvalidOperationException($"No vault '{secret.VaultName}' exists in the sandbox tenant.");
            var key = SecretKey(secret.VaultName, secret.Name);
            if (!_keyVaultSecrets.TryGetValue(key, out var versions))
                _keyVaultSecrets[key] = versions = [];
            versions.Add(secret);
            return secret;
        }
    }

    private static string SecretKey(string vaultName, string secretName) => vaultName + "/" + secretName;
}
