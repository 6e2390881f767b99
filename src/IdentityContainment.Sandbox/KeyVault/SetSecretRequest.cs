using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>The body of PUT secrets/{name}: {"value","contentType","tags","attributes":{"enabled","nbf","exp"}}.</summary>
internal sealed record SetSecretRequest
{
    private const int MaxTags = 15;

    public required RetrievableSecret Value { get; init; }
    public string? ContentType { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public bool Enabled { get; init; } = true;
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Reads the body; on failure the 400 Key Vault would give. Error texts never quote the value.</summary>
    public static (SetSecretRequest? Request, EndpointResult? Error) Read(string? body)
    {
        var json = JsonBody.ParseObject(body);
        if (json is null)
            return (null, KeyVaultErrors.BadParameter("The request body must be a JSON object holding the secret 'value'."));
        if (json["value"] is not JsonValue valueNode || !valueNode.TryGetValue<string>(out var value))
            return (null, KeyVaultErrors.BadParameter("Property 'value' is required and must be a string."));

        string? contentType = null;
        if (json["contentType"] is { } ct && (ct is not JsonValue ctValue || !ctValue.TryGetValue(out contentType)))
            return (null, KeyVaultErrors.BadParameter("Property 'contentType' must be a string."));

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json["tags"] is JsonObject tagObject)
        {
            foreach (var (name, tagValue) in tagObject)
            {
                if (tagValue is not JsonValue tv || !tv.TryGetValue<string>(out var text))
                    return (null, KeyVaultErrors.BadParameter($"Tag '{name}' must have a string value."));
                tags[name] = text;
            }
            if (tags.Count > MaxTags)
                return (null, KeyVaultErrors.BadParameter($"A secret can have at most {MaxTags} tags."));
        }
        else if (json["tags"] is not null)
            return (null, KeyVaultErrors.BadParameter("Property 'tags' must be an object of string values."));

        var enabled = true;
        DateTimeOffset? notBefore = null, expires = null;
        if (json["attributes"] is JsonObject attributes)
        {
            if (attributes["enabled"] is JsonValue e && !e.TryGetValue(out enabled))
                return (null, KeyVaultErrors.BadParameter("Attribute 'enabled' must be true or false."));
            if (!TryReadUnixTime(attributes["nbf"], out notBefore) || !TryReadUnixTime(attributes["exp"], out expires))
                return (null, KeyVaultErrors.BadParameter("Attributes 'nbf' and 'exp' must be Unix times in seconds."));
        }

        return (new SetSecretRequest
        {
            Value = new RetrievableSecret(value),
            ContentType = contentType,
            Tags = tags,
            Enabled = enabled,
            NotBefore = notBefore,
            Expires = expires,
        }, null);
    }

    private static bool TryReadUnixTime(JsonNode? node, out DateTimeOffset? time)
    {
        time = null;
        if (node is null)
            return true;
        if (node is JsonValue v && v.TryGetValue<long>(out var seconds))
        {
            time = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }
        return false;
    }
}
