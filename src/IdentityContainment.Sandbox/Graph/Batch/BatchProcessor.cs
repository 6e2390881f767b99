using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Serves POST /$batch: each item goes through the same router as a plain request, so permissions,
/// throttling, faults and the request log apply per item. Items run concurrently unless they depend
/// on one another; the answer lists them in reverse order so no client can rely on the order.
/// </summary>
internal sealed class BatchProcessor(GraphRouter router)
{
    private static readonly string[] EnvelopeOnlyHeaders = ["Date", "request-id", "client-request-id"];

    public async Task<GraphResponse> ProcessAsync(GraphRequest outer, string batchId, CancellationToken cancellationToken)
    {
        var (items, error) = BatchParser.Parse(outer.Body);
        if (error is not null)
            return error;

        var running = new Dictionary<string, Task<GraphResponse>>();
        foreach (var item in items!)
            running[item.Id] = RunAsync(item, item.DependsOn.Select(d => running[d]).ToArray(), outer, batchId, cancellationToken);
        await Task.WhenAll(running.Values).ConfigureAwait(false);

        var responses = new JsonArray();
        foreach (var item in items.Reverse())
            responses.Add(ToJson(item.Id, running[item.Id].Result));
        return GraphResponse.Ok(new JsonObject { ["responses"] = responses });
    }

    private async Task<GraphResponse> RunAsync(BatchItem item, Task<GraphResponse>[] dependencies, GraphRequest outer, string batchId, CancellationToken cancellationToken)
    {
        if (dependencies.Length > 0)
        {
            var results = await Task.WhenAll(dependencies).ConfigureAwait(false);
            if (results.Any(r => r.Status is < 200 or > 299))
                return router.Stamp(
                    GraphResponse.Error(424, "FailedDependency", "The request was not run because a request it depends on failed."),
                    item.Headers.GetValueOrDefault("client-request-id"));
        }
        return await router.HandleAsync(new GraphRequest
        {
            Method = item.Method,
            Path = item.Path,
            Query = item.Query,
            Headers = item.Headers,
            Body = item.Body,
            Caller = outer.Caller,
            GraphBaseUri = outer.GraphBaseUri,
            ClientRequestId = item.Headers.GetValueOrDefault("client-request-id"),
            BatchId = batchId,
            BatchItemId = item.Id,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject ToJson(string id, GraphResponse response)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in response.Headers)
            if (!EnvelopeOnlyHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
                headers[name] = value;
        if (response.Body is not null)
            headers["Content-Type"] = GraphResponse.JsonContentType;
        return new JsonObject
        {
            ["id"] = id,
            ["status"] = response.Status,
            ["headers"] = headers,
            ["body"] = response.Body?.DeepClone(),
        };
    }
}
