using IdentityContainment.Pipeline;

namespace IdentityContainment.Graph;

/// <summary>
/// Any number of independent requests (one per user, grant or app), sent 20 to a JSON batch, one batch after another,
/// numbered here: the callers that write one request per subject need not chunk, number or special-case an empty list.
/// </summary>
public static class IndependentItems
{
    /// <summary>Graph's answer to each item, in the items' order; nothing is sent for no items.</summary>
    public static async Task<IReadOnlyList<GraphBatchResult>> SendEachAsync(this GraphBatchClient batch, IEnumerable<GraphBatchItem> items, CancellationToken cancellationToken)
    {
        var answers = new List<GraphBatchResult>();
        foreach (List<GraphBatchItem> chunk in items.InChunksOf(GraphBatchClient.MaxItemsPerBatch))
        {
            if (chunk.Any(item => item.DependsOn.Count > 0))
            {
                throw new ArgumentException("Items that depend on each other keep their own ids and go to GraphBatchClient.SendAsync as one batch.", nameof(items));
            }

            answers.AddRange(await batch.SendAsync(GraphBatchItem.InOrder(chunk), cancellationToken).ConfigureAwait(false));
        }

        return answers;
    }
}
