using System.Globalization;

namespace IdentityContainment.Detection.SignIns;

/// <summary>A time span in the words a reason uses: "40 minutes", "8 hours 5 minutes", "3 days".</summary>
internal static class Durations
{
    public static string Words(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = span.Negate();
        }

        if (span < TimeSpan.FromSeconds(59.5))
        {
            return Count((int)Math.Round(span.TotalSeconds), "second");
        }

        // Log times carry fractions of a second: 39 min 59.9 s reads as the 40 minutes it is.
        span = TimeSpan.FromMinutes(Math.Round(span.TotalMinutes));

        if (span < TimeSpan.FromHours(1))
        {
            return Count((int)span.TotalMinutes, "minute");
        }

        if (span < TimeSpan.FromDays(1))
        {
            return span.Minutes == 0 ? Count((int)span.TotalHours, "hour") : Count((int)span.TotalHours, "hour") + " " + Count(span.Minutes, "minute");
        }

        return Count((int)span.TotalDays, "day");
    }

    private static string Count(int n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? string.Empty : "s");
}
