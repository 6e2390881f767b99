using System.Globalization;

namespace IdentityContainment.Benchmarks.Reporting;

/// <summary>How numbers read in reports. MB is 2^20 bytes, the unit Linux, Task Manager and Azure's memory limits use.</summary>
internal static class Units
{
    public const double BytesPerMegabyte = 1024 * 1024;

    public static double Megabytes(long bytes) => bytes / BytesPerMegabyte;

    public static string Milliseconds(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(double milliseconds) => (milliseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string MegabytesText(double megabytes) => megabytes.ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    /// <summary>A difference, always with its sign, so a cost reads as "+412 ms".</summary>
    public static string SignedMilliseconds(double value) => value.ToString("+0;-0;0", CultureInfo.InvariantCulture) + " ms";

    public static string SignedMegabytes(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " MB";

    /// <summary>A count with thousands separators: 100,050.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A ratio or multiple, to two places at most: 1.1, 20.43.</summary>
    public static string Ratio(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
