using System.Text.Json.Nodes;

namespace IdentityContainment.Graph;

/// <summary>
/// One request inside a JSON batch. <paramref name="Url"/> is relative to the version root (/users/{id}).
/// <paramref name="Repeatable"/> says whether sending it twice is harmless, which decides retries after a 503.
/// </summary>
public sealed record GraphBatchItem(string Id, string Method, string Url, JsonNode? Body = null, bool Repeatable = true)
{
    /// <summary>An item whose id <see cref="InOrder"/> assigns.</summary>
    public GraphBatchItem(string method, string url, JsonNode? body = null)
        : this(string.Empty, method, url, body)
    {
    }

    /// <summary>
    /// Ids of items of the same call that must succeed before this one runs; Graph answers 424 Failed Dependency
    /// otherwise. Graph takes a batch fully parallel or fully sequential only, so the batch client sends each chain of
    /// dependent items as a sequential batch of its own, never split across batches or rounds.
    /// </summary>
    public IReadOnlyList<string> DependsOn { get; init; } = Array.Empty<string>();

    /// <summary>Whether Graph wants a body on this item inside a batch: POST, PATCH and PUT do; GET and DELETE take none.</summary>
    public bool RequiresBody => Method is "POST" or "PATCH" or "PUT";

    /// <summary>
    /// The item as a JSON batch carries it. A write (POST, PATCH, PUT) always carries a body and its Content-Type, even an
    /// action that takes no parameters such as revokeSignInSessions: Graph refuses the whole batch otherwise, with 400
    /// "Write request id : N does not contain Content-Type header or body." (json-batching docs: "only body can be an
    /// empty object"; microsoft-graph-docs issue 6682; msgraph-sdk-dotnet issue 2628).
    /// </summary>
    internal JsonObject ToRequestJson()
    {
        var request = new JsonObject { ["id"] = Id, ["method"] = Method, ["url"] = Url };
        if (DependsOn.Count > 0)
        {
            request["dependsOn"] = new JsonArray(DependsOn.Select(id => (JsonNode)id).ToArray());
        }

        JsonNode? body = Body?.DeepClone() ?? (RequiresBody ? new JsonObject() : null);
        if (body is not null)
        {
            request["body"] = body;
            request["headers"] = new JsonObject { ["Content-Type"] = "application/json" };
        }

        return request;
    }

    /// <summary>Numbers items by their position: answers come back in any order and are matched by these ids.</summary>
    public static GraphBatchItem[] InOrder(IEnumerable<GraphBatchItem> items) =>
        items.Select((item, index) => item with { Id = index.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
}

/// <summary>What Graph answered for one item of a batch.</summary>
public sealed record GraphBatchResult(string Id, int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers)
{
    public bool IsSuccess => Status >= 200 && Status < 300;

    /// <summary>The request-id of the batch that carried this item.</summary>
    public string? BatchRequestId { get; init; }

    /// <summary>
    /// The id that traces this item: its own request-id header, else its error body's innerError request-id, else (an
    /// item Graph gave no id of its own) the batch's.
    /// </summary>
    public string? RequestId =>
        Headers.TryGetValue("request-id", out string? own) ? own : (IsSuccess ? null : GraphError.From(Status, Body, null).RequestId) ?? BatchRequestId;

    public GraphError Error => GraphError.From(Status, Body, RequestId);
}
