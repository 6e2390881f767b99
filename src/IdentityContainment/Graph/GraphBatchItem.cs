using System.Text.Json.Nodes;

namespace IdentityContainment.Graph;

/// <summary>
/// One request inside a JSON batch. <paramref name="Url"/> is relative to the version root (/users/{id}).
/// <paramref name="Repeatable"/> says whether sending it twice is harmless, which decides retries after a 503.
/// </summary>
public sealed record GraphBatchItem(string Id, string Method, string Url, JsonNode? Body = null, bool Repeatable = true);

/// <summary>What Graph answered for one item of a batch.</summary>
public sealed record GraphBatchResult(string Id, int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers)
{
    public bool IsSuccess => Status >= 200 && Status < 300;

    public string? RequestId => Headers.TryGetValue("request-id", out string? value) ? value : null;

    public GraphError Error => GraphError.From(Status, Body, RequestId);
}
