using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace IdentityContainment.Graph;

/// <summary>One list among many to read in batches: the caller's tag and the first page's url (relative to the version root).</summary>
public sealed record ListRead<TList>(TList List, string Url);

/// <summary>
/// Many lists read at once in JSON batches (the registered devices or consent grants of 300 users): the first pages
/// go out as batch items, and each further page as an item of a later batch, gathered with the other lists' waiting
/// pages, up to 20 items a batch and as many batches in flight as the batch client allows. Pages are handed over as
/// their batch returns, so a caller scores items while Graph is still paging; each list ends with its outcome.
/// </summary>
public static class BatchedListReads
{
    public static async IAsyncEnumerable<ListPage<TList>> ReadListsAsync<TList>(
        this GraphBatchClient batch,
        IEnumerable<ListRead<TList>> lists,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Pages of lists already under way go first: a list that ends early frees its caller to decide about it.
        var following = new Queue<PendingPage<TList>>();
        var firsts = new Queue<PendingPage<TList>>(lists.Select(list => new PendingPage<TList>(list.List, 1, list.Url)));
        var inFlight = new List<SentBatch<TList>>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            Send(batch, following, firsts, inFlight, stop.Token);
            while (inFlight.Count > 0)
            {
                Task<BatchAnswer> done = await Task.WhenAny(inFlight.Select(b => b.Answer)).ConfigureAwait(false);
                SentBatch<TList> sent = inFlight.First(b => b.Answer == done);
                inFlight.Remove(sent);
                BatchAnswer answer = await done.ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();

                var arrived = new List<ListPage<TList>>(sent.Pages.Count);
                for (int i = 0; i < sent.Pages.Count; i++)
                {
                    PendingPage<TList> pending = sent.Pages[i];
                    ListPage<TList> page = Read(pending, answer, i, batch.GraphEndpoint, out string? nextUrl);
                    arrived.Add(page);
                    if (nextUrl is not null)
                    {
                        following.Enqueue(new PendingPage<TList>(pending.List, pending.Number + 1, nextUrl));
                    }
                }

                // The next pages leave before these are handed over: Graph works while the caller scores.
                Send(batch, following, firsts, inFlight, stop.Token);
                foreach (ListPage<TList> page in arrived)
                {
                    yield return page;
                }
            }
        }
        finally
        {
            // A caller that stops early leaves batches on their way: cancel them and let them end first.
            stop.Cancel();
            foreach (SentBatch<TList> sent in inFlight)
            {
                await sent.Answer.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Fills free batch slots with waiting pages, up to 20 a batch.</summary>
    private static void Send<TList>(GraphBatchClient batch, Queue<PendingPage<TList>> following, Queue<PendingPage<TList>> firsts, List<SentBatch<TList>> inFlight, CancellationToken cancellationToken)
    {
        while (inFlight.Count < GraphBatchClient.MaxBatchesInFlight && following.Count + firsts.Count > 0)
        {
            var pages = new List<PendingPage<TList>>(GraphBatchClient.MaxItemsPerBatch);
            while (pages.Count < GraphBatchClient.MaxItemsPerBatch && (following.Count > 0 || firsts.Count > 0))
            {
                pages.Add(following.Count > 0 ? following.Dequeue() : firsts.Dequeue());
            }

            GraphBatchItem[] items = GraphBatchItem.InOrder(pages.Select(p => new GraphBatchItem("GET", p.Url)));
            inFlight.Add(new SentBatch<TList>(pages, SendAsync(batch, items, cancellationToken)));
        }
    }

    /// <summary>The batch's answers; or, when Graph could not be reached after every retry, why. Cancellation is never swallowed here.</summary>
    private static async Task<BatchAnswer> SendAsync(GraphBatchClient batch, GraphBatchItem[] items, CancellationToken cancellationToken)
    {
        try
        {
            return new BatchAnswer(await batch.SendAsync(items, cancellationToken).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new BatchAnswer(null, null);
        }
        catch (Exception ex)
        {
            return new BatchAnswer(null, ex);
        }
    }

    /// <summary>What one item's answer makes of its list's page; <paramref name="nextUrl"/> is set when the list goes on.</summary>
    private static ListPage<TList> Read<TList>(PendingPage<TList> pending, BatchAnswer answer, int index, Uri graphEndpoint, out string? nextUrl)
    {
        nextUrl = null;
        int before = pending.Number - 1;
        if (answer.Results is not { } results)
        {
            // Only a cancelled read has neither answers nor a failure, and the loop stops before reading it.
            Exception failure = answer.Failure ?? new OperationCanceledException();
            return new ListPage<TList>(pending.List, pending.Number, Array.Empty<JsonNode>(), ListOutcome.NotAnswered(before, failure), null);
        }

        GraphBatchResult result = results[index];
        if (!result.IsSuccess)
        {
            return new ListPage<TList>(pending.List, pending.Number, Array.Empty<JsonNode>(), ListOutcome.Failed(before, result.Error), result.RequestId);
        }

        CollectionPage page = CollectionPage.Read(result.Body);
        if (page.NextLink is null)
        {
            return new ListPage<TList>(pending.List, pending.Number, page.Items, ListOutcome.Complete(pending.Number), result.RequestId);
        }

        nextUrl = CollectionPage.RelativeToVersionRoot(page.NextLink, graphEndpoint);
        return nextUrl is null
            ? new ListPage<TList>(pending.List, pending.Number, page.Items, ListOutcome.LinkOffGraph(pending.Number, result.RequestId), result.RequestId)
            : new ListPage<TList>(pending.List, pending.Number, page.Items, null, result.RequestId);
    }

    private sealed record PendingPage<TList>(TList List, int Number, string Url);

    private sealed record SentBatch<TList>(IReadOnlyList<PendingPage<TList>> Pages, Task<BatchAnswer> Answer);

    private sealed record BatchAnswer(IReadOnlyList<GraphBatchResult>? Results, Exception? Failure);
}
