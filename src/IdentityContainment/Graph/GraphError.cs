using System.Text.Json.Nodes;

namespace IdentityContainment.Graph;

/// <summary>Graph's error envelope, read from a response body: {"error":{"code","message","innerError":{"request-id"}}}.</summary>
public sealed record GraphError(int Status, string Code, string Message, string? RequestId)
{
    public static GraphError From(int status, JsonNode? body, string? requestIdHeader)
    {
        JsonNode? error = body?["error"];
        JsonNode? inner = error?["innerError"] ?? error?["innererror"];
        string? requestId = requestIdHeader ?? Text(inner, "request-id") ?? Text(inner, "requestId");
        return new GraphError(status, Text(error, "code") ?? "Unknown", Text(error, "message") ?? "Graph gave no error message.", requestId);
    }

    private static string? Text(JsonNode? node, string property)
    {
        try
        {
            return node?[property]?.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
