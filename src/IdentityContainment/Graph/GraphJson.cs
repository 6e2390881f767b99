using System.Globalization;
using System.Text.Json.Nodes;

namespace IdentityContainment.Graph;

/// <summary>
/// Reads one property of Graph's JSON as a plain value, tolerating what Graph may send instead: a missing property, a
/// null, or a value of another type (a property hidden from the caller comes back null). Every reader of the engine goes
/// through here, so a shape Graph changes is handled in one place.
/// </summary>
internal static class GraphJson
{
    /// <summary>The JSON of a text, or null for an empty or non-JSON one (a 204's body, an HTML error page, a hand-edited before-image).</summary>
    public static JsonNode? ParseOrNull(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text!);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The property's node; null when the node is not an object (an error body can be anything).</summary>
    public static JsonNode? Property(JsonNode? node, string property) => (node as JsonObject)?[property];

    public static string? Text(JsonNode? node, string property) =>
        Property(node, property) is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static bool? Flag(JsonNode? node, string property) =>
        Property(node, property) is JsonValue value && value.TryGetValue(out bool flag) ? flag : null;

    public static int? Number(JsonNode? node, string property) =>
        Property(node, property) is JsonValue value && value.TryGetValue(out int number) ? number : null;

    /// <summary>A Graph timestamp (ISO 8601, UTC when it names no offset).</summary>
    public static DateTimeOffset? Time(JsonNode? node, string property) =>
        Text(node, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time)
            ? time
            : null;

    /// <summary>The strings of an array property (collections of strings such as scopes or reply URLs); empty when absent.</summary>
    public static IReadOnlyList<string> Texts(JsonNode? node, string property) =>
        Property(node, property) is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.TryGetValue(out string? s) ? s : null).OfType<string>().ToArray()
            : Array.Empty<string>();

    /// <summary>The objects of an array property; empty when absent.</summary>
    public static IReadOnlyList<JsonObject> Objects(JsonNode? node, string property) =>
        Property(node, property) is JsonArray array ? array.OfType<JsonObject>().ToArray() : Array.Empty<JsonObject>();
}
