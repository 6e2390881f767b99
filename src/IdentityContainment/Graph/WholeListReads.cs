using System.Text.Json.Nodes;

namespace IdentityContainment.Graph;

/// <summary>
/// A list gathered to its end. When <see cref="IsComplete"/> is false, <see cref="Items"/> holds only the pages read
/// before the failure: a partial list, never to be judged as the whole.
/// </summary>
public sealed record WholeList<TList>(TList List, IReadOnlyList<JsonNode> Items, ListOutcome Outcome, string? RequestId)
{
    public bool IsComplete => Outcome.IsComplete;
}

/// <summary>
/// For a caller that must see a whole list before it decides (disable a device only when it knows all of a user's
/// devices): the streaming reader's pages gathered per list, in the order the lists were asked for.
/// </summary>
public static class WholeListReads
{
    public static async Task<IReadOnlyList<WholeList<TList>>> ReadWholeListsAsync<TList>(this GraphBatchClient batch, IReadOnlyList<ListRead<TList>> lists, CancellationToken cancellationToken)
    {
        var items = lists.Select(_ => new List<JsonNode>()).ToArray();
        var whole = new WholeList<TList>?[lists.Count];

        // Tagged by position: the caller's tags need not be unique.
        await foreach (ListPage<int> page in batch.ReadListsAsync(lists.Select((list, index) => new ListRead<int>(index, list.Url)), cancellationToken).ConfigureAwait(false))
        {
            items[page.List].AddRange(page.Items);
            if (page.Outcome is { } outcome)
            {
                whole[page.List] = new WholeList<TList>(lists[page.List].List, items[page.List], outcome, page.RequestId);
            }
        }

        return whole.Select(list => list!).ToList();
    }
}
