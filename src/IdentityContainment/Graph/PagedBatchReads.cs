using System.Text.Json.Nodes;

namespace IdentityContainment.Graph;

/// <summary>
/// List reads sent in JSON batches, followed to their last page: when an answer carries @odata.nextLink, the next page
/// goes out as an item of a further batch (the link made relative to the version root, as batch urls are), gathered
/// with the other lists' next pages. Each list comes back as one answer holding every page's items, or as the first
/// page that failed: a list with a page missing would pass for a complete one.
/// </summary>
public static class PagedBatchReads
{
    public static async Task<IReadOnlyList<GraphBatchResult>> SendAllPagesAsync(this GraphBatchClient batch, IReadOnlyList<GraphBatchItem> items, CancellationToken cancellationToken)
    {
        var final = new GraphBatchResult?[items.Count];
        var collected = items.Select(_ => new List<JsonNode>()).ToArray();
        List<(int List, GraphBatchItem Item)> pending = items.Select((item, index) => (index, item)).ToList();
        while (pending.Count > 0)
        {
            var next = new List<(int, GraphBatchItem)>();
            foreach (var chunk in Pipeline.Chunking.InChunksOf(pending, GraphBatchClient.MaxItemsPerBatch))
            {
                IReadOnlyList<GraphBatchResult> answers = await batch.SendAsync(GraphBatchItem.InOrder(chunk.Select(p => p.Item)), cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < chunk.Count; i++)
                {
                    (int list, GraphBatchItem item) = chunk[i];
                    if (Follow(answers[i], batch.GraphEndpoint, items[list].Id, collected[list], out string? nextUrl) is { } done)
                    {
                        final[list] = done;
                    }
                    else
                    {
                        next.Add((list, item with { Url = nextUrl! }));
                    }
                }
            }

            pending = next;
        }

        return final.Select(r => r!).ToList();
    }

    /// <summary>The list's final answer, or null with the url of the page still to read.</summary>
    private static GraphBatchResult? Follow(GraphBatchResult answer, Uri graphEndpoint, string listId, List<JsonNode> collected, out string? nextUrl)
    {
        nextUrl = null;
        if (!answer.IsSuccess)
        {
            return answer with { Id = listId };
        }

        CollectionPage page = CollectionPage.Read(answer.Body);
        collected.AddRange(page.Items.Select(item => item.DeepClone()));
        if (page.NextLink is null)
        {
            return new GraphBatchResult(listId, answer.Status, new JsonObject { ["value"] = new JsonArray(collected.ToArray()) }, answer.Headers);
        }

        nextUrl = CollectionPage.RelativeToVersionRoot(page.NextLink, graphEndpoint);
        if (nextUrl is null)
        {
            // Never follow a link off the connection's own Graph: the rest of the list cannot be read, so none of it counts.
            JsonNode error = new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = "UnexpectedNextLink",
                    ["message"] = "Graph's @odata.nextLink pointed outside the connection's Graph endpoint, so the rest of the list was not read.",
                },
            };
            return new GraphBatchResult(listId, 502, error, answer.Headers);
        }

        return null;
    }
}
