using System.Globalization;

namespace IdentityContainment.Detection.SignIns;

/// <summary>Moments as the sign-in reasons write them: always UTC, to the minute or to the second.</summary>
internal static class LogTimes
{
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
