namespace IdentityContainment.Graph;

/// <summary>
/// Lets one call through per interval. Identity Protection allows one request per second per tenant and its 429s
/// carry no Retry-After, so the only good pace is to never exceed it.
/// </summary>
public sealed class MinimumIntervalGate
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly TimeSpan _interval;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public MinimumIntervalGate(TimeSpan interval) => _interval = interval;

    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan wait = _last + _interval - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await call().ConfigureAwait(false);
            }
            finally
            {
                _last = DateTimeOffset.UtcNow;
            }
        }
        finally
        {
            _turn.Release();
        }
    }
}
