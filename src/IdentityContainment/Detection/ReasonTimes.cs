using System.Globalization;

namespace IdentityContainment.Detection;

/// <summary>How a reason names a moment: in UTC to the minute, the same in every culture ("2026-12-01 09:30 UTC").</summary>
public static class ReasonTimes
{
    public static string At(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
