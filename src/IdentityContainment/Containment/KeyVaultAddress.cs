using IdentityContainment.Connection;
using IdentityContainment.Errors;

namespace IdentityContainment.Containment;

/// <summary>
/// Which -KeyVaultUri the module sends temporary passwords (and a vault token) to: a vault of the connection's own
/// cloud, or this machine for a sandbox tenant. The DNS suffixes are Key Vault's own ("DNS suffixes for object
/// identifiers", learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates): Managed HSM pools have
/// suffixes of their own but hold keys only, no secrets, so they are named and refused.
/// </summary>
public static class KeyVaultAddress
{
    private static readonly string[] ManagedHsmSuffixes = { "managedhsm.azure.net", "managedhsm.usgovcloudapi.net", "managedhsm.azure.cn" };

    /// <summary>The vault DNS suffix of each cloud.</summary>
    public static string VaultSuffixOf(CloudEnvironment environment) => environment switch
    {
        CloudEnvironment.Global => "vault.azure.net",
        CloudEnvironment.USGov or CloudEnvironment.USGovDoD => "vault.usgovcloudapi.net",
        CloudEnvironment.China => "vault.azure.cn",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown cloud environment."),
    };

    /// <summary>The vault's root URI, or a ContainmentException saying why it is refused.</summary>
    public static Uri Require(Uri vaultUri, CloudEnvironment environment)
    {
        string suffix = VaultSuffixOf(environment);
        string host = vaultUri.IsAbsoluteUri ? vaultUri.IdnHost.ToLowerInvariant() : string.Empty;
        if (ManagedHsmSuffixes.Any(hsm => host.EndsWith("." + hsm, StringComparison.Ordinal)))
        {
            throw Refused(vaultUri, $"a Managed HSM pool holds keys, not secrets. Give a key vault of the {environment} cloud (https://<name>.{suffix}/).");
        }

        bool https = vaultUri.IsAbsoluteUri && vaultUri.Scheme == Uri.UriSchemeHttps;
        bool cloudVault = https && vaultUri.IsDefaultPort && IsSingleLabelUnder(host, suffix);
        // RFC 6761: names under .localhost are this machine; the sandbox serves its vaults as <name>.vault.localhost.
        bool thisMachine = https && (EndpointRules.IsLoopback(vaultUri) || host.EndsWith(".localhost", StringComparison.Ordinal));
        if (!cloudVault && !thisMachine)
        {
            throw Refused(vaultUri, $"it is not a key vault of the {environment} cloud. Give the vault's URI as the portal shows it, https://<name>.{suffix}/ (https on this machine for a sandbox tenant).");
        }

        return new Uri(vaultUri.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static bool IsSingleLabelUnder(string host, string suffix) =>
        host.EndsWith("." + suffix, StringComparison.Ordinal) && host.IndexOf('.') == host.Length - suffix.Length - 1 && host.Length > suffix.Length + 1;

    private static ContainmentException Refused(Uri vaultUri, string why) => new(
        ContainmentErrorKind.InvalidArgument,
        "KeyVaultUriNotAllowed",
        $"-KeyVaultUri '{vaultUri}' is refused: {why} The temporary passwords (and a token for the vault) go only there. No password was changed.",
        vaultUri.ToString());
}
