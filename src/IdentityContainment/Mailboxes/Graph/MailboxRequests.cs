using IdentityContainment.Graph;
using IdentityContainment.Graph.Budgets;

namespace IdentityContainment.Mailboxes.Graph;

/// <summary>
/// Requests to many mailboxes, gathered into shared JSON batches of up to 20 with as many batches in flight as the batch
/// client allows, and never more than Outlook's four requests in flight per mailbox (CONTRACT §12/§13: a fifth gets 429
/// ApplicationThrottled; a batch's items to one mailbox all count). A batch is filled from the oldest waiting requests
/// whose mailbox has room, so one busy mailbox never holds up the others, and each request is answered on its own task
/// as its batch returns: a mailbox's next step (the next page, its folders) joins the very next batch. The batch
/// client's own budgets still stand behind this (other work on the connection counts too); filling batches to fit them
/// is what keeps its rounds from holding items back.
/// </summary>
internal sealed class MailboxRequests
{
    private readonly object _lock = new();
    private readonly GraphBatchClient _batch;
    private readonly int _perMailbox;
    private readonly LinkedList<Waiting> _waiting = new();
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private int _batchesInFlight;
    private int _holds;

    public MailboxRequests(GraphBatchClient batch, int perMailbox = MailboxConcurrency.GraphLimit)
    {
        _batch = batch;
        _perMailbox = perMailbox;
    }

    /// <summary>Graph's answer to one request to <paramref name="mailbox"/> (the user segment the url names it by).</summary>
    public Task<GraphBatchResult> SendAsync(string mailbox, GraphBatchItem item, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(mailbox, item, cancellationToken);
        lock (_lock)
        {
            _waiting.AddLast(waiting);
        }

        Pump();
        return waiting.Answer.Task;
    }

    /// <summary>
    /// Holds sending while many requests are queued at once (every mailbox's first request), so that the first batches
    /// leave full instead of one item each; sending starts when the hold is disposed.
    /// </summary>
    public IDisposable Hold()
    {
        lock (_lock)
        {
            _holds++;
        }

        return new Release(this);
    }

    private void Pump()
    {
        var ready = new List<List<Waiting>>();
        lock (_lock)
        {
            while (_holds == 0 && _batchesInFlight < GraphBatchClient.MaxBatchesInFlight && TakeBatch() is { } items)
            {
                _batchesInFlight++;
                ready.Add(items);
            }
        }

        foreach (List<Waiting> items in ready)
        {
            _ = SendBatchAsync(items);
        }
    }

    /// <summary>The oldest waiting requests that fit: up to 20, none to a mailbox already at its limit. Called under the lock.</summary>
    private List<Waiting>? TakeBatch()
    {
        var taken = new List<Waiting>(GraphBatchClient.MaxItemsPerBatch);
        LinkedListNode<Waiting>? node = _waiting.First;
        while (node is not null && taken.Count < GraphBatchClient.MaxItemsPerBatch)
        {
            LinkedListNode<Waiting>? next = node.Next;
            Waiting waiting = node.Value;
            if (waiting.CancellationToken.IsCancellationRequested)
            {
                _waiting.Remove(node);
                waiting.Answer.TrySetCanceled(waiting.CancellationToken);
            }
            else if (InFlight(waiting.Mailbox) < _perMailbox)
            {
                _waiting.Remove(node);
                _inFlight[waiting.Mailbox] = InFlight(waiting.Mailbox) + 1;
                taken.Add(waiting);
            }

            node = next;
        }

        return taken.Count > 0 ? taken : null;
    }

    private int InFlight(string mailbox) => _inFlight.TryGetValue(mailbox, out int count) ? count : 0;

    private async Task SendBatchAsync(List<Waiting> items)
    {
        try
        {
            // A batch carries one cancellation: the first item's (a run's requests share their caller's token).
            IReadOnlyList<GraphBatchResult> answers = await _batch.SendAsync(GraphBatchItem.InOrder(items.Select(w => w.Item)), items[0].CancellationToken).ConfigureAwait(false);
            Settle(items);
            for (int i = 0; i < items.Count; i++)
            {
                items[i].Answer.TrySetResult(answers[i]);
            }
        }
        catch (OperationCanceledException ex)
        {
            Settle(items);
            items.ForEach(w => w.Answer.TrySetCanceled(ex.CancellationToken));
        }
        catch (Exception ex)
        {
            Settle(items);
            items.ForEach(w => w.Answer.TrySetException(ex));
        }
        finally
        {
            Pump();
        }
    }

    /// <summary>The batch's requests are answered: their mailboxes have room again, and so has the connection.</summary>
    private void Settle(List<Waiting> items)
    {
        lock (_lock)
        {
            _batchesInFlight--;
            foreach (Waiting waiting in items)
            {
                int left = InFlight(waiting.Mailbox) - 1;
                if (left <= 0)
                {
                    _inFlight.Remove(waiting.Mailbox);
                }
                else
                {
                    _inFlight[waiting.Mailbox] = left;
                }
            }
        }
    }

    private sealed class Waiting
    {
        public Waiting(string mailbox, GraphBatchItem item, CancellationToken cancellationToken)
        {
            Mailbox = mailbox;
            Item = item;
            CancellationToken = cancellationToken;
        }

        public string Mailbox { get; }

        public GraphBatchItem Item { get; }

        public CancellationToken CancellationToken { get; }

        // Answered off the lock and off the batch's thread: a caller's next request must not run inside Settle or Pump.
        public TaskCompletionSource<GraphBatchResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Release : IDisposable
    {
        private MailboxRequests? _owner;

        public Release(MailboxRequests owner) => _owner = owner;

        public void Dispose()
        {
            MailboxRequests? owner = Interlocked.Exchange(ref _owner, null);
            if (owner is null)
            {
                return;
            }

            lock (owner._lock)
            {
                owner._holds--;
            }

            owner.Pump();
        }
    }
}
