using System.Text.Json;
using IdentityContainment.Benchmarks.Reporting;

namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>The results as a JSON file (--json), for a dashboard or a comparison between commits. Never holds the token.</summary>
internal static class ColdStartJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(string path, string benchmarkName, int runs, ColdStartInputs inputs, IReadOnlyList<ColdStartResult> results)
    {
        var document = new
        {
            Benchmark = benchmarkName,
            MeasuredAt = DateTimeOffset.UtcNow,
            Machine = new { Environment.ProcessorCount, OperatingSystem = Environment.OSVersion.ToString() },
            Runs = runs,
            Module = inputs.ManifestPath,
            Goals = new { LaunchToFirstResultMs = ColdStartGoals.LaunchToFirstResult.Limit, PeakWorkingSetMegabytes = ColdStartGoals.PeakWorkingSet.Limit },
            Flavours = results.Select(r => new
            {
                r.Flavour.Key,
                r.Flavour.Title,
                r.Engine,
                r.Runtime,
                r.Flavour.LoadsModule,
                PhasesMs = r.Flavour.Phases.ToDictionary(p => p.Key, r.Phase),
                LaunchToResultMs = r.LaunchToResult,
                LaunchToExitMs = r.LaunchToExit,
                PeakWorkingSetMegabytes = r.PeakMegabytes,
                EngineReadyPeakWorkingSetMegabytes = r.EngineReadyPeakMegabytes,
                r.TimeGoalMet,
                r.MemoryGoalMet,
                Samples = r.Samples.Select(s => new
                {
                    s.PhasesMs,
                    s.LaunchToResultMs,
                    s.LaunchToExitMs,
                    PeakWorkingSetMegabytes = Units.Megabytes(s.PeakWorkingSetBytes),
                }),
            }),
        };

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }
}
