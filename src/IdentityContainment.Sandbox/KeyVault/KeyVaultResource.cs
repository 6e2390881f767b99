namespace IdentityContainment.Sandbox;

/// <summary>
/// How the sandbox names its Key Vaults, mirroring Azure's: vault "kv-x" is served at
/// https://kv-x.vault.localhost/ and tokens for every vault carry the audience https://vault.localhost,
/// as real vaults live under vault.azure.net and take tokens for https://vault.azure.net.
/// </summary>
/// <remarks>
/// The Key Vault SDK refuses a challenge unless the vault's host ends with "." plus the resource's
/// host, so a vault cannot sit at https://localhost:{port}/ (nor under a path there: SecretClient
/// keeps a path prefix in its requests but cannot parse a secret id that carries one). Names under
/// .localhost do not resolve on every system, so clients reach them through the sandbox's
/// loopback-only CONNECT proxy (<see cref="SandboxServer.HttpsProxy"/>, HTTPS_PROXY).
/// </remarks>
public static class KeyVaultResource
{
    /// <summary>The resource (audience) of tokens for the sandbox's vaults; scope {Uri}/.default.</summary>
    public const string Uri = "https://vault.localhost";

    /// <summary>The DNS suffix of every vault host.</summary>
    public const string HostSuffix = ".vault.localhost";

    /// <summary>https://{name}.vault.localhost/ (vault names are case-insensitive; hosts are written in lower case).</summary>
    public static Uri VaultUri(string vaultName) => new($"https://{vaultName.ToLowerInvariant()}{HostSuffix}/");

    /// <summary>A secret version's id, as Key Vault writes it: {vault}secrets/{name}/{version}.</summary>
    public static Uri SecretId(string vaultName, string secretName, string version) =>
        new(VaultUri(vaultName), $"secrets/{secretName}/{version}");

    /// <summary>The vault name a request host asks for, e.g. "kv-x" for kv-x.vault.localhost.</summary>
    public static bool TryGetVaultName(string host, out string vaultName)
    {
        vaultName = "";
        if (!host.EndsWith(HostSuffix, StringComparison.OrdinalIgnoreCase) || host.Length == HostSuffix.Length)
            return false;
        vaultName = host[..^HostSuffix.Length];
        return !vaultName.Contains('.');
    }

    /// <summary>Token audiences the vault accepts (with or without a trailing slash).</summary>
    public static bool IsKeyVaultAudience(string? audience) =>
        string.Equals(audience?.TrimEnd('/'), Uri, StringComparison.OrdinalIgnoreCase);

    /// <summary>Forms a token request may name the vault resource by: the URI, with a trailing slash or /.default.</summary>
    public static bool IsKeyVaultResource(string? resource)
    {
        if (resource is null)
            return false;
        var trimmed = resource.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? resource[..^"/.default".Length] : resource;
        return IsKeyVaultAudience(trimmed);
    }
}
