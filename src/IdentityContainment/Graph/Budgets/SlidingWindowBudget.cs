using IdentityContainment.Polyfills;

namespace IdentityContainment.Graph.Budgets;

/// <summary>
/// At most <see cref="Quota"/> requests in any <see cref="Window"/>: the sign-in and audit logs limit (5 requests per
/// 10 s per app and tenant, CONTRACT §13). A sliding window over send times is stricter than a bucket that refills
/// continuously, so it stays inside whichever way Graph counts.
/// </summary>
public sealed class SlidingWindowBudget
{
    public const int GraphLogsQuota = 5;

    public static readonly TimeSpan GraphLogsWindow = TimeSpan.FromSeconds(10);

    private readonly object _lock = new();
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly TimeProvider _clock;

    public SlidingWindowBudget(int quota, TimeSpan window, TimeProvider? clock = null)
    {
        if (quota <= 0 || window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(quota), "The quota and its window must be positive.");
        }

        Quota = quota;
        Window = window;
        _clock = clock ?? TimeProvider.System;
    }

    public int Quota { get; }

    public TimeSpan Window { get; }

    /// <summary>Spends <paramref name="requests"/> of the window if they fit now.</summary>
    public bool TryTake(int requests) => TryTake(requests, out _);

    /// <summary>As <see cref="TryTake(int)"/>; when they do not fit, how long until they would.</summary>
    internal bool TryTake(int requests, out TimeSpan wait)
    {
        if (requests > Quota)
        {
            throw new ArgumentOutOfRangeException(nameof(requests), requests, $"At most {Quota} requests fit in one window.");
        }

        lock (_lock)
        {
            DateTimeOffset now = _clock.GetUtcNow();
            while (_sent.Count > 0 && _sent.Peek() + Window <= now)
            {
                _sent.Dequeue();
            }

            int free = Quota - _sent.Count;
            if (requests <= free)
            {
                for (int i = 0; i < requests; i++)
                {
                    _sent.Enqueue(now);
                }

                wait = TimeSpan.Zero;
                return true;
            }

            // The oldest sends leave the window first; enough of them must leave to make room.
            DateTimeOffset roomAt = _sent.ElementAt(requests - free - 1) + Window;
            wait = roomAt - now;
            return false;
        }
    }

    /// <summary>Waits until the requests fit the window, then spends them.</summary>
    public async Task TakeAsync(int requests, CancellationToken cancellationToken)
    {
        while (!TryTake(requests, out TimeSpan wait))
        {
            await ClockDelay.Delay(_clock, wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
