namespace IdentityContainment.Graph.Budgets;

/// <summary>
/// Outlook's concurrency limit: at most <see cref="Limit"/> requests in flight per app and mailbox (4, CONTRACT §12/§13;
/// a fifth gets 429 "Application is over its MailboxConcurrency limit."). A permit is held from sending until the answer
/// is back. Mailboxes are keyed ignoring case.
/// </summary>
public sealed class MailboxConcurrency
{
    public const int GraphLimit = 4;

    private readonly object _lock = new();
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);

    public MailboxConcurrency(int limit = GraphLimit)
    {
        if (limit <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), "A mailbox must allow at least one request in flight.");
        }

        Limit = limit;
    }

    public int Limit { get; }

    internal BudgetSignal Released { get; } = new();

    /// <summary>Requests now in flight to the mailbox.</summary>
    public int InFlight(string mailbox)
    {
        lock (_lock)
        {
            return _inFlight.TryGetValue(mailbox, out int count) ? count : 0;
        }
    }

    /// <summary>Takes a permit for each mailbox named, all or none.</summary>
    public bool TryTake(IReadOnlyCollection<string> mailboxes)
    {
        lock (_lock)
        {
            foreach (IGrouping<string, string> mailbox in mailboxes.GroupBy(m => m, StringComparer.OrdinalIgnoreCase))
            {
                int inFlight = _inFlight.TryGetValue(mailbox.Key, out int count) ? count : 0;
                if (inFlight + mailbox.Count() > Limit)
                {
                    return false;
                }
            }

            foreach (string mailbox in mailboxes)
            {
                _inFlight[mailbox] = (_inFlight.TryGetValue(mailbox, out int count) ? count : 0) + 1;
            }

            return true;
        }
    }

    public void Release(IReadOnlyCollection<string> mailboxes)
    {
        if (mailboxes.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (string mailbox in mailboxes)
            {
                int left = _inFlight[mailbox] - 1;
                if (left == 0)
                {
                    _inFlight.Remove(mailbox);
                }
                else
                {
                    _inFlight[mailbox] = left;
                }
            }
        }

        Released.Pulse();
    }
}
