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

        // A parallel batch's items reach Outlook together: their mailbox places are taken now, in request order, so a fifth
        // item to one mailbox is refused whatever the timing (CONTRACT §12); each item gives its place back when answered.
        // A sequential chain runs one item at a time, each taking its own place.
        var batch = items!;
        var parallel = batch.All(i => i.DependsOn.Count == 0);
        var places = batch.Select(i => parallel ? router.TakeMailboxPlace(i.Path, outer.Caller.Caller) : null).ToArray();
        var running = new Dictionary<string, Task<GraphResponse>>();
        for (var k = 0; k < batch.Count; k++)
            running[batch[k].Id] = RunAsync(batch[k], places[k], batch[k].DependsOn.Select(d => running[d]).ToArray(), outer, batchId, cancellationToken);
        await Task.WhenAll(running.Values).ConfigureAwait(false);

        var responses = new JsonArray();
        foreach (var item in batch.Reverse())
            responses.Add(ToJson(item.Id, running[item.Id].Result));
        return GraphResponse.Ok(new JsonObject { ["responses"] = responses });
    }

    private async Task<GraphResponse> RunAsync(BatchItem item, bool? mailboxPlace, Task<GraphResponse>[] dependencies, GraphRequest outer, string batchId, CancellationToken cancellationToken)
    {
        if (dependencies.Length > 0)
        {
            var results = await Task.WhenAll(dependencies).ConfigureAwait(false);
            if (results.Any(r => r.Status is < 200 or > 299))
                return router.Stamp(
                    GraphResponse.Error(424, "FailedDependency", "The request was not run because a request it depends on failed."),
                    item.Headers.GetValueOrDefault("client-request-id"));
        }
        try
        {
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
                MailboxPlace = mailboxPlace,
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (mailboxPlace == true)
                router.ReleaseMailboxPlace(item.Path, outer.Caller.Caller!);
        }
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
