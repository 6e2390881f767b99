using System.Globalization;

namespace IdentityContainment.Sandbox;

/// <summary>Timestamps as Entra writes them for directory objects: UTC, whole seconds, trailing Z.</summary>
public static class GraphTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The same instant without its fraction of a second, in UTC: Entra's timestamp precision.</summary>
    public static DateTimeOffset ToWholeSeconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>Error envelopes carry the date without a zone marker (e.g. 2021-04-20T17:22:30).</summary>
    public static string FormatErrorDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
