using IdentityContainment.Polyfills;

namespace IdentityContainment.Graph;

/// <summary>
/// Keeps one connection's directory writes inside Graph's write quota (3,000 writes per 150 s per app and tenant),
/// so mass containment waits for quota instead of running into 429s. Graph meters identity traffic with token
/// buckets: the full quota may go at once, then it refills steadily (20 writes a second), so a batch goes out as soon
/// as enough of the quota has come back. If Graph ever counts more strictly, its 429s are still retried.
/// <para>
/// Graph counts a write when it arrives, the pacer when it is sent. The first request of a run is the slowest (new
/// connection), so Graph starts refilling later than the pacer does, and a later, quicker request can find Graph a few
/// writes short. A headroom kept unspent absorbs that: one batch of headroom covers a second of difference.
/// </para>
/// </summary>
public sealed class WriteQuotaPacer
{
    /// <summary>Graph's documented identity write quota per app and tenant.</summary>
    public const int GraphQuota = 3000;

    public static readonly TimeSpan GraphWindow = TimeSpan.FromSeconds(150);

    private readonly object _lock = new();
    private readonly double _refillPerSecond;
    private readonly TimeProvider _clock;
    private double _available;
    private DateTimeOffset _refilledAt;
    private int _waiting;

    // The clock is the system's unless a test supplies one it moves itself, so pacing is checked without waiting.
    public WriteQuotaPacer(int quota, TimeSpan window, int headroom = 0, TimeProvider? clock = null)
    {
        if (quota <= 0 || window <= TimeSpan.Zero || headroom < 0 || headroom >= quota)
        {
            throw new ArgumentOutOfRangeException(nameof(quota), "The write quota and its window must be positive, and the headroom less than the quota.");
        }

        Quota = quota - headroom;
        Window = window;
        _available = Quota;
        _refillPerSecond = quota / window.TotalSeconds;
        _clock = clock ?? TimeProvider.System;
        _refilledAt = _clock.GetUtcNow();
    }

    /// <summary>The writes that may go at once: Graph's quota less the headroom.</summary>
    public int Quota { get; }

    public TimeSpan Window { get; }

    /// <summary>Total time spent waiting for quota: what a benchmark compares with the quota's own minimum.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>True while some request is waiting for quota to come back.</summary>
    public bool IsPacing => Volatile.Read(ref _waiting) > 0;

    /// <summary>Waits until <paramref name="writes"/> more writes fit the quota, then takes them from it.</summary>
    public async Task AcquireAsync(int writes, CancellationToken cancellationToken)
    {
        if (writes <= 0)
        {
            return;
        }

        if (writes > Quota)
        {
            throw new ArgumentOutOfRangeException(nameof(writes), writes, $"One request cannot carry more writes than the quota of {Quota}.");
        }

        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                DateTimeOffset now = _clock.GetUtcNow();
                _available = Math.Min(Quota, _available + ((now - _refilledAt).TotalSeconds * _refillPerSecond));
                _refilledAt = now;
                if (_available >= writes)
                {
                    _available -= writes;
                    return;
                }

                wait = TimeSpan.FromSeconds((writes - _available) / _refillPerSecond);
                Waited += wait;
            }

            Interlocked.Increment(ref _waiting);
            try
            {
                await ClockDelay.Delay(_clock, wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }
}
