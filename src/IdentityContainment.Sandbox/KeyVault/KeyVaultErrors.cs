using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Key Vault's error answers: {"error":{"code","message","innererror"?}}. The AKV codes and the
/// Forbidden wording follow what the service is known to send; the rest are in our words.
/// </summary>
internal static class KeyVaultErrors
{
    public static EndpointResult Error(int status, string code, string message, string? innerCode = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (innerCode is not null)
            error["innererror"] = new JsonObject { ["code"] = innerCode };
        return new EndpointResult(status, new JsonObject { ["error"] = error });
    }

    /// <summary>
    /// 401 with the challenge that tells a client where to get a token: the authority (the sandbox's
    /// authority host plus the tenant) and the resource every sandbox vault accepts.
    /// </summary>
    public static EndpointResult Unauthorized(string message, Uri authorityHost, string tenantId)
    {
        var result = Error(401, "Unauthorized", message);
        result.Headers["WWW-Authenticate"] =
            $"Bearer authorization=\"{new Uri(authorityHost, tenantId)}\", resource=\"{KeyVaultResource.Uri}\"";
        return result;
    }

    public static EndpointResult Forbidden(CallerIdentity caller, string permission, string vaultName) =>
        Error(403, "Forbidden",
            $"The user, group or application 'appid={caller.AppId};oid={caller.ObjectId};iss={AccessTokenIssuer.Issuer(caller.TenantId)}' " +
            $"does not have secrets {permission} permission on key vault '{vaultName};location=sandbox'. " +
            "For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287",
            "AccessDenied");

    public static EndpointResult SecretNotFound(string nameOrId) =>
        Error(404, "SecretNotFound",
            $"A secret with (name/id) {nameOrId} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182");

    public static EndpointResult BadParameter(string message) => Error(400, "BadParameter", message);
}
