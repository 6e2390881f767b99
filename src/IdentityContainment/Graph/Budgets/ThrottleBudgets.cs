using IdentityContainment.Polyfills;

namespace IdentityContainment.Graph.Budgets;

/// <summary>
/// One connection's budgets, one per Graph service limit (CONTRACT §13), shared by the batch client (per item) and the
/// pipeline's handler (per single call): the identity write quota, Identity Protection's one request per second, the
/// logs' five requests per ten seconds and Outlook's four requests in flight per mailbox. Graph counts per app and
/// tenant, which is what one connection is. Retry-After is still honoured by the retries; these keep the 429s away.
/// </summary>
public sealed class ThrottleBudgets
{
    private readonly object _waitLock = new();
    private readonly Dictionary<RequestClass, TimeSpan> _waited = new();
    private readonly TimeProvider _clock;

    public ThrottleBudgets(WriteQuotaPacer writes, TimeProvider? clock = null, int mailboxConcurrency = MailboxConcurrency.GraphLimit,
        TimeSpan? identityProtectionInterval = null, int logsQuota = SlidingWindowBudget.GraphLogsQuota, TimeSpan? logsWindow = null)
    {
        _clock = clock ?? TimeProvider.System;
        Writes = writes;
        Mailboxes = new MailboxConcurrency(mailboxConcurrency);
        IdentityProtection = new SpacedTurn(identityProtectionInterval ?? TimeSpan.FromSeconds(1), _clock);
        AuditLogs = new SlidingWindowBudget(logsQuota, logsWindow ?? SlidingWindowBudget.GraphLogsWindow, _clock);
    }

    public WriteQuotaPacer Writes { get; }

    public SpacedTurn IdentityProtection { get; }

    public SlidingWindowBudget AuditLogs { get; }

    public MailboxConcurrency Mailboxes { get; }

    /// <summary>Time spent waiting for the class's budget: what a benchmark sets beside the limit's own minimum.</summary>
    public TimeSpan Waited(RequestClass requestClass)
    {
        if (requestClass == RequestClass.IdentityWrite)
        {
            return Writes.Waited;
        }

        lock (_waitLock)
        {
            return _waited.TryGetValue(requestClass, out TimeSpan waited) ? waited : TimeSpan.Zero;
        }
    }

    /// <summary>Waits until the request's budget allows it, and takes it; dispose the lease when the answer is back.</summary>
    public async Task<BudgetLease> AcquireAsync(ClassifiedRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<BudgetLease?> leases = await AdmitAsync(new[] { BudgetNeeds.Of(new[] { request }) }, cancellationToken).ConfigureAwait(false);
        return leases[0]!;
    }

    /// <summary>
    /// Admits as many units as the budgets allow now, each whole or not at all, waiting only while none fits; the units
    /// left out (null) wait for a following round. Writes are paced, never left out: the write quota refills at a known
    /// rate, so the admitted units wait for their share of it.
    /// </summary>
    internal async Task<IReadOnlyList<BudgetLease?>> AdmitAsync(IReadOnlyList<BudgetNeeds> units, CancellationToken cancellationToken)
    {
        var leases = new BudgetLease?[units.Count];
        DateTimeOffset started = _clock.GetUtcNow();
        while (true)
        {
            Task[] released = { Mailboxes.Released.Next, IdentityProtection.Released.Next };
            TimeSpan? soonest = null;
            RequestClass? blocking = null;
            for (int i = 0; i < units.Count; i++)
            {
                if (TryTake(units[i], out TimeSpan wait, out RequestClass? blockedBy) is { } lease)
                {
                    leases[i] = lease;
                }
                else
                {
                    blocking ??= blockedBy;
                    if (wait > TimeSpan.Zero && (soonest is null || wait < soonest))
                    {
                        soonest = wait;
                    }
                }
            }

            if (leases.Any(l => l is not null))
            {
                break;
            }

            Task[] wakers = soonest is { } delay ? released.Append(ClockDelay.Delay(_clock, delay, cancellationToken)).ToArray() : released;
            await BudgetSignal.AnyAsync(wakers, cancellationToken).ConfigureAwait(false);
            AddWaited(blocking ?? RequestClass.Other, _clock.GetUtcNow() - started);
            started = _clock.GetUtcNow();
        }

        int writes = units.Where((_, i) => leases[i] is not null).Sum(u => u.Writes);
        try
        {
            await Writes.AcquireAsync(writes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Cancelled while waiting for write quota: nothing goes, so the permits taken go back.
            foreach (BudgetLease? lease in leases)
            {
                lease?.Dispose();
            }

            throw;
        }

        return leases;
    }

    private BudgetLease? TryTake(BudgetNeeds needs, out TimeSpan wait, out RequestClass? blockedBy)
    {
        wait = TimeSpan.Zero;
        blockedBy = null;
        if (needs.Mailboxes.Count == 0 && !needs.IdentityProtectionTurn && needs.LogRequests == 0)
        {
            return new BudgetLease(this, Array.Empty<string>(), false);
        }

        if (!Mailboxes.TryTake(needs.Mailboxes))
        {
            blockedBy = RequestClass.Outlook;
            return null;
        }

        if (needs.IdentityProtectionTurn && !IdentityProtection.TryTake(out wait))
        {
            Mailboxes.Release(needs.Mailboxes);
            blockedBy = RequestClass.IdentityProtection;
            return null;
        }

        if (needs.LogRequests > 0 && !AuditLogs.TryTake(needs.LogRequests, out wait))
        {
            Mailboxes.Release(needs.Mailboxes);
            if (needs.IdentityProtectionTurn)
            {
                IdentityProtection.Return();
            }

            blockedBy = RequestClass.AuditLogs;
            return null;
        }

        return new BudgetLease(this, needs.Mailboxes, needs.IdentityProtectionTurn);
    }

    private void AddWaited(RequestClass requestClass, TimeSpan waited)
    {
        lock (_waitLock)
        {
            _waited[requestClass] = (_waited.TryGetValue(requestClass, out TimeSpan total) ? total : TimeSpan.Zero) + waited;
        }
    }
}
