using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The data plane of the sandbox's Key Vaults: PUT secrets/{name}, GET secrets/{name}[/{version}],
/// behind Key Vault's challenge-based auth. A request without a usable token gets 401 with
/// WWW-Authenticate naming the authority and the resource; the token must be for
/// <see cref="KeyVaultResource.Uri"/> (a Graph token is refused the same way), and the caller's object
/// id must hold the permission in the vault's access policy, else 403.
/// </summary>
internal sealed partial class KeyVaultEndpoint(TenantState tenant, AccessTokenValidator validator)
{
    [GeneratedRegex("^[0-9a-zA-Z-]{1,127}$")]
    private static partial Regex SecretName();

    /// <param name="authorityHost">Where the challenge sends clients for tokens (the sandbox's https origin).</param>
    /// <param name="segments">The decoded path segments, e.g. ["secrets", "name"].</param>
    public EndpointResult Handle(string vaultName, string method, IReadOnlyList<string> segments, IReadOnlyDictionary<string, string> query,
        string? authorization, string? body, Uri authorityHost)
    {
        var vault = tenant.FindKeyVault(vaultName);
        if (vault is null)
            return KeyVaultErrors.Error(404, "VaultNotFound", $"The sandbox tenant has no key vault named '{vaultName}'.");

        // Checked before the query, as the service does: SecretClient's first request is sent without a
        // token (and without its body) just to learn the challenge.
        if (string.IsNullOrWhiteSpace(authorization))
            return KeyVaultErrors.Unauthorized("AKV10000: Request is missing a Bearer or PoP token.", authorityHost, tenant.TenantId);
        var validation = validator.Validate(authorization);
        if (validation.Caller is not { } caller)
            return KeyVaultErrors.Unauthorized(validation.Failure!, authorityHost, tenant.TenantId);

        if (!query.ContainsKey("api-version"))
            return KeyVaultErrors.BadParameter("The 'api-version' query parameter is required.");

        var (permission, name, version) = (method, segments) switch
        {
            ("PUT", ["secrets", var n]) => ("set", n, null),
            ("GET", ["secrets", var n]) => ("get", n, null),
            ("GET", ["secrets", var n, var v]) => ("get", n, v),
            _ => ((string?)null, (string?)null, (string?)null),
        };
        if (permission is null || name is null)
            return KeyVaultErrors.Error(405, "BadParameter",
                $"The sandbox's vault serves PUT secrets/{{name}} and GET secrets/{{name}}[/{{version}}]; not {method} /{string.Join('/', segments)}.")
                with { AppId = caller.AppId };
        if (!vault.Allows(caller.ObjectId, permission))
            return KeyVaultErrors.Forbidden(caller, permission, vault.Name) with { AppId = caller.AppId };
        if (!SecretName().IsMatch(name))
            return KeyVaultErrors.BadParameter($"The request URI contains an invalid name: {name}") with { AppId = caller.AppId };

        var result = permission == "set" ? Set(vault, name, body) : Get(vault, name, version);
        return result with { AppId = caller.AppId };
    }

    private EndpointResult Set(KeyVaultRecord vault, string name, string? body)
    {
        var (request, error) = SetSecretRequest.Read(body);
        if (error is not null)
            return error;
        var now = tenant.Now();
        var stored = tenant.AddKeyVaultSecretVersion(new KeyVaultSecretInfo
        {
            VaultName = vault.Name,
            Name = name,
            Version = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ContentType = request!.ContentType,
            Tags = request.Tags,
            Enabled = request.Enabled,
            NotBefore = request.NotBefore,
            Expires = request.Expires,
            Created = now,
            Updated = now,
            Value = request.Value,
        });
        var bundle = SecretBundle.From(stored);
        if (tenant.StoredSecretIdVault is { } elsewhere)
            bundle["id"] = new Uri(elsewhere, $"secrets/{stored.Name}/{stored.Version}").AbsoluteUri;
        return new EndpointResult(200, bundle);
    }

    private EndpointResult Get(KeyVaultRecord vault, string name, string? version)
    {
        var secret = tenant.FindKeyVaultSecret(vault.Name, name, version);
        if (secret is null)
            return KeyVaultErrors.SecretNotFound(version is null ? name : $"{name}/{version}");
        if (!secret.Enabled)
            return KeyVaultErrors.Error(403, "Forbidden", "Operation get is not allowed on a disabled secret.", "SecretDisabled");
        return new EndpointResult(200, SecretBundle.From(secret));
    }
}
