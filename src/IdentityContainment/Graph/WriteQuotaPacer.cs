namespace IdentityContainment.Graph;

/// <summary>
/// Keeps one connection's directory writes inside Graph's write quota (3,000 writes per 150 s per app and tenant),
/// so mass containment waits for quota instead of running into 429s. A sliding window: a batch of writes goes out
/// when the writes sent in the last window, plus these, fit the quota.
/// </summary>
public sealed class WriteQuotaPacer
{
    /// <summary>Graph's documented identity write quota per app and tenant.</summary>
    public const int GraphQuota = 3000;

    public static readonly TimeSpan GraphWindow = TimeSpan.FromSeconds(150);

    private readonly object _lock = new();
    private readonly Queue<(DateTimeOffset SentAt, int Writes)> _sent = new();
    private int _inWindow;

    public WriteQuotaPacer(int quota, TimeSpan window)
    {
        if (quota <= 0 || window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(quota), "The write quota and its window must be positive.");
        }

        Quota = quota;
        Window = window;
    }

    public int Quota { get; }

    public TimeSpan Window { get; }

    /// <summary>Total time spent waiting for quota: what a benchmark compares with the quota's own minimum.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>Waits until <paramref name="writes"/> more writes fit the quota, then counts them as sent.</summary>
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
                DateTimeOffset now = DateTimeOffset.UtcNow;
                while (_sent.Count > 0 && now - _sent.Peek().SentAt >= Window)
                {
                    _inWindow -= _sent.Dequeue().Writes;
                }

                if (_inWindow + writes <= Quota)
                {
                    _sent.Enqueue((now, writes));
                    _inWindow += writes;
                    return;
                }

                // The earliest moment enough old writes leave the window.
                int needed = _inWindow + writes - Quota;
                DateTimeOffset freeAt = now;
                foreach ((DateTimeOffset sentAt, int count) in _sent)
                {
                    freeAt = sentAt + Window;
                    needed -= count;
                    if (needed <= 0)
                    {
                        break;
                    }
                }

                wait = freeAt - now;
                Waited += wait;
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
        }
    }
}
