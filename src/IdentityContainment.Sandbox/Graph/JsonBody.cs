using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Reads a request body that must be a JSON object.</summary>
internal static class JsonBody
{
    /// <summary>The object, or null when the body is empty, not JSON, or JSON of another kind.</summary>
    public static JsonObject? ParseObject(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The object of a create body whose properties must all be declared ones (OData annotations aside), or the 400
    /// Graph gives for a body that is not an object or names a property the type does not have.
    /// </summary>
    public static (JsonObject? Json, GraphResponse? Error) ParseDeclared(string? body, IReadOnlyCollection<string> declared)
    {
        var json = ParseObject(body);
        if (json is null)
            return (null, GraphResponse.UnreadableBody());
        foreach (var (name, _) in json)
            if (!name.StartsWith("@odata.", StringComparison.Ordinal) && !declared.Contains(name, StringComparer.Ordinal))
                return (null, GraphResponse.Error(400, "Request_BadRequest", $"Property '{name}' does not exist as a declared property or extension property."));
        return (json, null);
    }

    /// <summary>A string property's value; null when absent, null or not a string.</summary>
    public static string? String(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
