namespace IdentityContainment.Graph;

/// <summary>Counts of what a connection sent and got back: the numbers benchmarks and drills report.</summary>
public sealed class GraphCallStatistics
{
    private long _requests;
    private long _throttled;
    private long _retries;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>429 responses received, on whole requests and on items inside a batch.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    public long Retries => Interlocked.Read(ref _retries);

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountThrottled() => Interlocked.Increment(ref _throttled);

    internal void CountRetry() => Interlocked.Increment(ref _retries);
}
