using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>What the router answers: status, headers and a JSON body (null for no content).</summary>
internal sealed class GraphResponse(int status, JsonNode? body)
{
    /// <summary>The OData media type Graph labels its JSON with.</summary>
    public const string JsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public int Status { get; } = status;
    public JsonNode? Body { get; } = body;
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public RequestOutcome Outcome { get; init; } = RequestOutcome.Served;

    public static GraphResponse Ok(JsonNode body) => new(200, body);

    public static GraphResponse NoContent() => new(204, null);

    /// <summary>A Graph error; the router adds innerError (date, request-id, client-request-id) on the way out.</summary>
    public static GraphResponse Error(int status, string code, string message, RequestOutcome outcome = RequestOutcome.Served) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }) { Outcome = outcome };

    public static GraphResponse NotFound(string idOrName) =>
        Error(404, "Request_ResourceNotFound", $"Resource '{idOrName}' does not exist or one of its queried reference-property objects are not present.");

    public static GraphResponse Forbidden() =>
        Error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

    public static GraphResponse UnsupportedQuery() => Error(400, "Request_UnsupportedQuery", "Unsupported Query.");

    public static GraphResponse UnreadableBody() =>
        Error(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
}
