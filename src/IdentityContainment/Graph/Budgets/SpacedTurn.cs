using IdentityContainment.Polyfills;

namespace IdentityContainment.Graph.Budgets;

/// <summary>
/// Identity Protection's limit: one request per second per tenant, and its 429s carry no Retry-After (CONTRACT §11,
/// §13), so the only good pace is never to exceed it. One request holds the turn until its answer is back, and the next
/// may go <see cref="Interval"/> after that answer: spacing from the answer, not the send, keeps arrivals at Graph at
/// least an interval apart however long the network takes.
/// </summary>
public sealed class SpacedTurn
{
    private readonly object _lock = new();
    private readonly TimeProvider _clock;
    private bool _taken;
    private DateTimeOffset _freeAt = DateTimeOffset.MinValue;

    public SpacedTurn(TimeSpan interval, TimeProvider? clock = null)
    {
        Interval = interval;
        _clock = clock ?? TimeProvider.System;
    }

    public TimeSpan Interval { get; }

    internal BudgetSignal Released { get; } = new();

    /// <summary>Takes the turn if no request holds it and the interval since the last answer has passed.</summary>
    public bool TryTake() => TryTake(out _);

    /// <summary>As <see cref="TryTake()"/>; when the turn is free but the interval not over, how long is left (else zero).</summary>
    internal bool TryTake(out TimeSpan wait)
    {
        lock (_lock)
        {
            wait = TimeSpan.Zero;
            if (_taken)
            {
                return false;
            }

            DateTimeOffset now = _clock.GetUtcNow();
            if (now < _freeAt)
            {
                wait = _freeAt - now;
                return false;
            }

            _taken = true;
            return true;
        }
    }

    /// <summary>The answer is back: the next request may go one interval from now.</summary>
    public void Release()
    {
        lock (_lock)
        {
            _taken = false;
            _freeAt = _clock.GetUtcNow() + Interval;
        }

        Released.Pulse();
    }

    /// <summary>Gives back a turn taken but never used (the request it was for did not go): the interval does not restart.</summary>
    internal void Return()
    {
        lock (_lock)
        {
            _taken = false;
        }

        Released.Pulse();
    }

    /// <summary>Waits for the turn.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task released = Released.Next;
            if (TryTake(out TimeSpan wait))
            {
                return;
            }

            await BudgetSignal.AnyAsync(new[] { wait > TimeSpan.Zero ? ClockDelay.Delay(_clock, wait, cancellationToken) : released }, cancellationToken).ConfigureAwait(false);
        }
    }
}
