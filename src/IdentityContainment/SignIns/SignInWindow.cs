using System.Globalization;

namespace IdentityContainment.SignIns;

/// <summary>
/// The time a sign-in analysis judges (-Since to -Until, the last 7 days by default) and the longer range it reads: the
/// days before -Since are the user's baseline (the IPs and countries they use), as far back as the log keeps them.
/// </summary>
public sealed record SignInWindow
{
    /// <summary>
    /// How long Entra ID keeps sign-ins with a P1 or P2 licence (Microsoft Entra data retention,
    /// learn.microsoft.com/entra/identity/monitoring-health/reference-reports-data-retention); Graph serves nothing older.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>The judged window when -Since is not given.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(7);

    /// <summary>How much history before -Since is read as the baseline, at most.</summary>
    public static readonly TimeSpan BaselineLength = TimeSpan.FromDays(14);

    private SignInWindow(DateTimeOffset readFrom, DateTimeOffset start, DateTimeOffset end, string? warning)
    {
        ReadFrom = readFrom;
        Start = start;
        End = end;
        Warning = warning;
    }

    /// <summary>Where the read starts: the baseline's first day, never before the log's retention.</summary>
    public DateTimeOffset ReadFrom { get; }

    /// <summary>-Since: the first sign-in judged.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>-Until: the last sign-in judged.</summary>
    public DateTimeOffset End { get; }

    /// <summary>What the operator should know about the range (part of it older than the log keeps); null when nothing.</summary>
    public string? Warning { get; }

    /// <summary>The window for -Since / -Until as given (either may be null), at <paramref name="now"/>.</summary>
    public static SignInWindow For(DateTimeOffset? since, DateTimeOffset? until, DateTimeOffset now)
    {
        DateTimeOffset end = until ?? now;
        DateTimeOffset start = since ?? end - DefaultLength;
        if (end < start)
        {
            throw new ArgumentException($"-Until ({Day(end)}) is before -Since ({Day(start)}); give -Until after -Since.", nameof(until));
        }

        DateTimeOffset oldest = now - Retention;
        if (start < oldest)
        {
            // Part of the window itself is gone: what is left of it is read, and no baseline exists before it.
            return new SignInWindow(start, start, end,
                $"-Since ({Day(start)}) is more than {Retention.TotalDays:0} days ago: the sign-in log keeps {Retention.TotalDays:0} days, so sign-ins before {Day(oldest)} cannot be read, and no baseline of the user's usual IPs and countries exists before the window.");
        }

        DateTimeOffset wanted = start - BaselineLength;
        if (wanted >= oldest)
        {
            return new SignInWindow(wanted, start, end, null);
        }

        return new SignInWindow(oldest, start, end,
            $"Only {(start - oldest).TotalDays:0.#} days before -Since are still in the sign-in log, so fewer of the user's usual IPs and countries are known and more sign-ins may be reported as new.");
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
