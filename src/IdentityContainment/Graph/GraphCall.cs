using System.Text;
using System.Text.Json.Nodes;
using IdentityContainment.Connection;

namespace IdentityContainment.Graph;

/// <summary>What Graph answered one call outside a batch: the status, the JSON body (if any) and the request-id.</summary>
public sealed record GraphCallAnswer(int Status, JsonNode? Body, string? RequestId)
{
    public bool IsSuccess => Status >= 200 && Status < 300;

    public GraphError Error => GraphError.From(Status, Body, RequestId);
}

/// <summary>
/// A single JSON call through the connection's pipeline (token, retries, pacing, -Verbose). The module speaks Graph's
/// JSON itself, in batches and in these calls, so it carries no typed SDK.
/// </summary>
public static class GraphCall
{
    /// <summary>Sends the call; a write carries its body (or {}) as JSON, as Graph wants. Transport failures throw.</summary>
    public static async Task<GraphCallAnswer> SendJsonAsync(this GraphConnection connection, HttpMethod method, string relativePath, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, connection.UriFor(relativePath));
        if (body is not null || method != HttpMethod.Get)
        {
            request.Content = new StringContent((body ?? new JsonObject()).ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await connection.AnswerAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request the caller built (its own headers, say) and reads Graph's answer. Transport failures throw.</summary>
    public static async Task<GraphCallAnswer> AnswerAsync(this GraphConnection connection, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return new GraphCallAnswer((int)response.StatusCode, await ReadJsonAsync(response).ConfigureAwait(false), GraphCallLogHandler.HeaderValue(response, "request-id"));
    }

    /// <summary>The response's JSON, or null for an empty or non-JSON body (a 204, an HTML error page).</summary>
    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response)
    {
        return GraphJson.ParseOrNull(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }
}
