using IdentityContainment.Benchmarks.Measurement;
using IdentityContainment.Benchmarks.Reporting;

namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>Prints the cold-start results: a table per flavour, the module's own cost, and one summary line per flavour.</summary>
internal static class ColdStartReport
{
    /// <param name="benchmarkName">The subcommand, which prefixes each summary line (import/pwsh, import/hosted).</param>
    public static void Write(string benchmarkName, IReadOnlyList<ColdStartResult> results, TextWriter output)
    {
        foreach (ColdStartResult result in results)
        {
            WriteTable(result, output);
        }

        WriteModuleCost(results, output);
        WriteSummary(benchmarkName, results, output);
    }

    private static void WriteTable(ColdStartResult result, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(result.Flavour.Title);
        output.WriteLine($"  {result.Engine} on {result.Runtime}, {result.Samples.Count} run{(result.Samples.Count == 1 ? string.Empty : "s")}");
        var table = new TextTable("Phase", "min", "median", "max", "goal", "verdict");
        foreach (ColdStartPhase phase in result.Flavour.Phases)
        {
            AddTimeRow(table, phase.Label, result.Phase(phase));
        }

        Goal? timeGoal = result.Flavour.LoadsModule ? ColdStartGoals.LaunchToFirstResult : null;
        AddTimeRow(table, result.Flavour.LoadsModule ? "total: launch → first user" : "total: launch → script done", result.LaunchToResult, timeGoal);
        AddTimeRow(table, "launch → process exit", result.LaunchToExit);
        if (result.EngineReadyPeakMegabytes is { } engineReady)
        {
            AddMemoryRow(table, "peak working set, runspace open", engineReady);
        }

        AddMemoryRow(table, "peak working set", result.PeakMegabytes, result.Flavour.LoadsModule ? ColdStartGoals.PeakWorkingSet : null);
        table.WriteTo(output);
    }

    private static void AddTimeRow(TextTable table, string label, Distribution value, Goal? goal = null) =>
        table.AddRow(label, Units.Milliseconds(value.Min), Units.Milliseconds(value.Median), Units.Milliseconds(value.Max), goal?.ToString() ?? string.Empty, goal?.Verdict(value.Median) ?? string.Empty);

    private static void AddMemoryRow(TextTable table, string label, Distribution value, Goal? goal = null) =>
        table.AddRow(label, Units.MegabytesText(value.Min), Units.MegabytesText(value.Median), Units.MegabytesText(value.Max), goal?.ToString() ?? string.Empty, goal?.Verdict(value.Median) ?? string.Empty);

    private static void WriteModuleCost(IReadOnlyList<ColdStartResult> results, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("The module's own cost (medians)");
        ColdStartResult? pwsh = results.FirstOrDefault(r => r.Flavour.Key == PwshColdStart.ModuleKey);
        ColdStartResult? baseline = results.FirstOrDefault(r => r.Flavour.Key == PwshColdStart.BaselineKey);
        if (pwsh is not null && baseline is not null)
        {
            output.WriteLine(
                $"  pwsh over its baseline: {Units.SignedMilliseconds(pwsh.LaunchToResult.Median - baseline.LaunchToResult.Median)} to the first user, "
                + $"{Units.SignedMilliseconds(pwsh.LaunchToExit.Median - baseline.LaunchToExit.Median)} to process exit, "
                + $"{Units.SignedMegabytes(pwsh.PeakMegabytes.Median - baseline.PeakMegabytes.Median)} peak working set");
        }

        foreach (ColdStartResult hosted in results.Where(r => r.Flavour.Key == HostedEngineColdStart.FlavourKey))
        {
            string memory = hosted.EngineReadyPeakMegabytes is { } engineReady
                ? $"{Units.SignedMegabytes(hosted.PeakMegabytes.Median - engineReady.Median)} peak working set over the open runspace's {Units.MegabytesText(engineReady.Median)}"
                : "peak working set not split";
            output.WriteLine($"  hosted engine: {Units.Milliseconds(hosted.ModuleWork().Median)} for import + connect + first call, {memory}");
        }
    }

    private static void WriteSummary(string benchmarkName, IReadOnlyList<ColdStartResult> results, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Summary");
        string Name(ColdStartResult result) => benchmarkName + "/" + result.Flavour.Key;
        int width = results.Max(r => Name(r).Length);
        foreach (ColdStartResult result in results)
        {
            output.WriteLine($"  {Name(result).PadRight(width)}  {SummaryLine(result)}");
        }

        var missed = new List<string>();
        foreach (ColdStartResult result in results)
        {
            if (!result.TimeGoalMet)
            {
                missed.Add($"{result.Flavour.Key} time");
            }

            if (!result.MemoryGoalMet)
            {
                missed.Add($"{result.Flavour.Key} memory");
            }
        }

        output.WriteLine(missed.Count == 0 ? "  Every goal met." : $"  Goal missed: {string.Join(", ", missed)}.");
    }

    private static string SummaryLine(ColdStartResult result)
    {
        Distribution toResult = result.LaunchToResult;
        Distribution peak = result.PeakMegabytes;
        string time = $"{Units.Seconds(toResult.Median)} median (min {Units.Seconds(toResult.Min)}, max {Units.Seconds(toResult.Max)})";
        string memory = $"peak {Units.MegabytesText(peak.Median)} median (min {Units.MegabytesText(peak.Min)}, max {Units.MegabytesText(peak.Max)})";
        if (!result.Flavour.LoadsModule)
        {
            return $"script done in {time}; {memory}; no goal: subtracted above";
        }

        Goal timeGoal = ColdStartGoals.LaunchToFirstResult;
        Goal memoryGoal = ColdStartGoals.PeakWorkingSet;
        return $"first user in {time}, goal < {Units.Seconds(timeGoal.Limit)}: {timeGoal.Verdict(result.LaunchToResult.Median)}; "
            + $"{memory}, goal {memoryGoal}: {memoryGoal.Verdict(result.PeakMegabytes.Median)}";
    }
}
