using System.Text.Json;

namespace IdentityContainment.Benchmarks.Measurement;

/// <summary>
/// The line a measured child process prints its report on, as JSON. The marker picks it out of anything else the
/// process printed (a warning, a banner).
/// </summary>
internal static class SampleLine
{
    public const string Marker = "IC-BENCH-SAMPLE ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Format<TReport>(TReport report) => Marker + JsonSerializer.Serialize(report, Json);

    /// <summary>The last sample line in a process's output, or null when it printed none.</summary>
    public static TReport? Find<TReport>(string output)
        where TReport : class
    {
        string? line = output.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        return line is null ? null : JsonSerializer.Deserialize<TReport>(line[Marker.Length..], Json);
    }
}
