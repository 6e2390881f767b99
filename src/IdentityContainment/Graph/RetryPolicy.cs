using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace IdentityContainment.Graph;

/// <summary>
/// When to try a Graph call again and how long to wait. 429 means Graph did not do the work, so it is always safe to
/// repeat; 503 and 504 may come after the work was done, so only calls that are safe to repeat are retried.
/// </summary>
public sealed class RetryPolicy
{
    public static readonly RetryPolicy Default = new();

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>First backoff when Graph gives no Retry-After (Identity Protection never does); doubles each time.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>
    /// How long one attempt may take, answer body included. Graph's own gateway gives up after about 100 s; a call
    /// still unanswered then is treated like a 504: repeated if safe to repeat, else reported.
    /// </summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    public static bool IsTransient(int status) =>
        status == 429 || status == (int)HttpStatusCode.ServiceUnavailable || status == (int)HttpStatusCode.GatewayTimeout;

    public bool ShouldRetry(int status, bool repeatable, int attempt) =>
        attempt < MaxAttempts && (status == 429 || (repeatable && IsTransient(status)));

    /// <summary>No answer at all (timeout, dropped connection): the call may have happened, so only a repeatable one goes again.</summary>
    public bool ShouldRetryUnanswered(bool repeatable, int attempt) => repeatable && attempt < MaxAttempts;

    /// <summary>Graph's own Retry-After when it sent one (seconds, possibly fractional, or a date), else exponential backoff with jitter.</summary>
    public TimeSpan DelayFor(string? retryAfter, int attempt)
    {
        TimeSpan? fromServer = ParseRetryAfter(retryAfter);
        if (fromServer is { } delay)
        {
            return delay > MaxDelay ? MaxDelay : delay;
        }

        double backoff = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 10));
        double jitter = backoff * 0.2 * ThreadSafeRandom.NextDouble();
        return TimeSpan.FromMilliseconds(Math.Min(backoff + jitter, MaxDelay.TotalMilliseconds));
    }

    public static TimeSpan? ParseRetryAfter(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when))
        {
            TimeSpan wait = when - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    public static string? RetryAfterHeader(HttpResponseHeaders headers)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta is { } delta
                ? delta.TotalSeconds.ToString(CultureInfo.InvariantCulture)
                : retryAfter.Date?.ToString("r", CultureInfo.InvariantCulture);
        }

        // A fractional value ("2.128", as Graph sends) does not parse as RetryConditionHeaderValue.
        return headers.TryGetValues("Retry-After", out IEnumerable<string>? raw) ? raw.FirstOrDefault() : null;
    }

    private static class ThreadSafeRandom
    {
        [ThreadStatic]
        private static Random? _random;

        public static double NextDouble() => (_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
    }
}
