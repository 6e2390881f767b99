using System.Text.RegularExpressions;

namespace IdentityContainment.Sandbox;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultAction
{
    /// <summary>429 Too Many Requests, with Retry-After when <see cref="FaultRule.RetryAfter"/> is set.</summary>
    TooManyRequests,

    /// <summary>503 Service Unavailable, with Retry-After when set.</summary>
    ServiceUnavailable,

    /// <summary>500 with Graph's generalException.</summary>
    InternalServerError,

    /// <summary>Waits <see cref="FaultRule.Delay"/>, then serves the request normally.</summary>
    Delay,
}

/// <summary>
/// One injected fault: which requests it hits (method, a regular expression on the path and, optionally, one on the
/// query) and how often. Graph requests are matched on their path below the version, e.g.
/// "/users/{id}/revokeSignInSessions" (each $batch item too); the token and managed identity endpoints on their own
/// path ("/msi/token"). A query pattern picks out, say, only the later pages of a list ("\$skiptoken=").
/// </summary>
public sealed class FaultRule
{
    private int _remaining;
    private int _hits;

    /// <param name="pathPattern">Regular expression, matched case-insensitively anywhere in the path (anchor it with ^ and $ if needed).</param>
    /// <param name="times">How many matching requests to hit; null for every one until removed.</param>
    /// <param name="queryPattern">Regular expression matched case-insensitively in the raw query string; null matches any query.</param>
    public FaultRule(FaultAction action, string pathPattern, string? method = null, int? times = null, TimeSpan? retryAfter = null, TimeSpan delay = default, string? queryPattern = null)
    {
        ArgumentNullException.ThrowIfNull(pathPattern);
        if (times is <= 0)
            throw new ArgumentOutOfRangeException(nameof(times), "times must be positive, or null for always.");
        Action = action;
        PathPattern = new Regex(pathPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        QueryPattern = queryPattern is null ? null : new Regex(queryPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Method = method;
        Times = times;
        RetryAfter = retryAfter;
        Delay = delay;
        _remaining = times ?? int.MaxValue;
    }

    public static FaultRule TooManyRequests(string pathPattern, TimeSpan? retryAfter = null, int? times = 1, string? method = null) =>
        new(FaultAction.TooManyRequests, pathPattern, method, times, retryAfter);

    public static FaultRule ServiceUnavailable(string pathPattern, TimeSpan? retryAfter = null, int? times = 1, string? method = null) =>
        new(FaultAction.ServiceUnavailable, pathPattern, method, times, retryAfter);

    public static FaultRule InternalServerError(string pathPattern, int? times = 1, string? method = null, string? queryPattern = null) =>
        new(FaultAction.InternalServerError, pathPattern, method, times, queryPattern: queryPattern);

    public static FaultRule Latency(string pathPattern, TimeSpan delay, int? times = null, string? method = null) =>
        new(FaultAction.Delay, pathPattern, method, times, delay: delay);

    public FaultAction Action { get; }
    public Regex PathPattern { get; }

    /// <summary>Matched in the raw query string; null for any query.</summary>
    public Regex? QueryPattern { get; }

    /// <summary>HTTP method to match; null for any.</summary>
    public string? Method { get; }
    public int? Times { get; }
    public TimeSpan? RetryAfter { get; }
    public TimeSpan Delay { get; }

    /// <summary>How many requests this rule has hit so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    public bool IsExhausted => Volatile.Read(ref _remaining) <= 0;

    internal bool Matches(string method, string path, string query) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && PathPattern.IsMatch(path)
        && (QueryPattern is null || QueryPattern.IsMatch(query));

    /// <summary>Claims one use; false when another request took the last one.</summary>
    internal bool TryConsume()
    {
        while (true)
        {
            var remaining = Volatile.Read(ref _remaining);
            if (remaining <= 0)
                return false;
            var next = Times is null ? remaining : remaining - 1;
            if (Interlocked.CompareExchange(ref _remaining, next, remaining) == remaining)
            {
                Interlocked.Increment(ref _hits);
                return true;
            }
        }
    }

    public override string ToString() => $"{Action} {Method ?? "*"} {PathPattern}{(QueryPattern is null ? "" : $"?{QueryPattern}")} ({(Times is null ? "always" : $"{Times} times")})";
}
