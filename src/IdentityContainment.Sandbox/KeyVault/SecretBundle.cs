using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Key Vault's SecretBundle: what PUT and GET secrets/{name} answer. Times are Unix seconds.</summary>
internal static class SecretBundle
{
    public static JsonObject From(KeyVaultSecretInfo secret)
    {
        var attributes = new JsonObject { ["enabled"] = secret.Enabled };
        if (secret.NotBefore is { } notBefore)
            attributes["nbf"] = notBefore.ToUnixTimeSeconds();
        if (secret.Expires is { } expires)
            attributes["exp"] = expires.ToUnixTimeSeconds();
        attributes["created"] = secret.Created.ToUnixTimeSeconds();
        attributes["updated"] = secret.Updated.ToUnixTimeSeconds();
        attributes["recoveryLevel"] = "Recoverable+Purgeable";
        attributes["recoverableDays"] = 90;

        // The one place a vault value leaves the sandbox: the answer to the caller who set or may read it.
        var bundle = new JsonObject { ["value"] = secret.RevealSecretForTest() };
        if (secret.ContentType is not null)
            bundle["contentType"] = secret.ContentType;
        bundle["id"] = secret.Id.ToString();
        bundle["attributes"] = attributes;
        if (secret.Tags.Count > 0)
            bundle["tags"] = new JsonObject(secret.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
        return bundle;
    }
}
