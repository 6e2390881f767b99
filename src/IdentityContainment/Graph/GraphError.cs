using System.Text.Json.Nodes;

namespace IdentityContainment.Graph;

/// <summary>Graph's error envelope, read from a response body: {"error":{"code","message","innerError":{"request-id"}}}.</summary>
public sealed record GraphError(int Status, string Code, string Message, string? RequestId)
{
    public static GraphError From(int status, JsonNode? body, string? requestIdHeader)
    {
        JsonNode? error = body?["error"];
        JsonNode? inner = error?["innerError"] ?? error?["innererror"];
        string? requestId = requestIdHeader ?? GraphJson.Text(inner, "request-id") ?? GraphJson.Text(inner, "requestId");
        return new GraphError(status, GraphJson.Text(error, "code") ?? "Unknown", GraphJson.Text(error, "message") ?? "Graph gave no error message.", requestId);
    }
}
