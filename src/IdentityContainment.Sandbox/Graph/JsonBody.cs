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
}
