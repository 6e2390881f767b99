using IdentityContainment.Benchmarks.Reporting;

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>Prints a mass-containment run: one table of measurements with their goals, then one summary line each.</summary>
internal static class MassContainmentReport
{
    public static void Write(string benchmarkName, MassContainmentResult result, TextWriter output)
    {
        ModuleRunOutput module = result.Module;
        GraphTraffic traffic = result.Traffic;
        output.WriteLine();
        output.WriteLine($"Module: {result.Users} users");
        var table = new TextTable("Measurement", "value", "goal", "verdict");
        table.AddRow("wall time", Units.Seconds(module.Wall.TotalMilliseconds), string.Empty, string.Empty);
        table.AddRow("time to first result", module.FirstResult is { } first ? Units.Seconds(first.TotalMilliseconds) : "none", string.Empty, string.Empty);
        table.AddRow("HTTP requests (batches + single calls)", Count(traffic.HttpRequests), string.Empty, string.Empty);
        table.AddRow("Graph operations (of which batch items)", $"{Count(traffic.Operations)} ({Count(traffic.BatchItems)})", string.Empty, string.Empty);
        table.AddRow("HTTP requests per user", Ratio((double)traffic.HttpRequests / result.Users), string.Empty, string.Empty);
        table.AddRow("writes carried out", Count(traffic.Writes), string.Empty, string.Empty);
        table.AddRow("429s received", Count(traffic.TooManyRequests), string.Empty, string.Empty);
        table.AddRow("429s surfaced as errors", Count(module.ThrottlingErrors), "0", Verdict(result.NoThrottlingSurfaced));
        table.AddRow("other error records", Count(module.ErrorIds.Count - module.ThrottlingErrors), string.Empty, string.Empty);
        table.AddRow("users lost (no successful revoke or reset)", Count(result.Check.LostUsers), "0", Verdict(result.Check.LostUsers == 0));
        table.AddRow("users with a duplicated action", Count(result.Check.DuplicatedUsers), "0", Verdict(result.Check.DuplicatedUsers == 0));
        table.AddRow("session/password footholds still open", Count(result.Check.OpenFootholds), "0", Verdict(result.Check.OpenFootholds == 0));
        table.AddRow("write-quota minimum for these writes", Units.Seconds(result.QuotaMinimum.TotalMilliseconds), string.Empty, string.Empty);
        table.AddRow(
            "wall / quota minimum",
            result.QuotaRatio is { } ratio ? Ratio(ratio) : "n/a (inside first burst)",
            result.QuotaRatio is null ? string.Empty : $"≤ {Ratio(MassContainmentGoals.MaximumQuotaRatio)}",
            result.QuotaRatio is null ? string.Empty : Verdict(result.QuotaGoalMet));
        if (result.Naive is { } naive)
        {
            table.AddRow(
                naive.IsExtrapolated ? $"naive loop wall ({naive.MeasuredUsers} users, scaled ×{Ratio((double)naive.Users / naive.MeasuredUsers)})" : "naive loop wall",
                Units.Seconds(naive.EstimatedWall.TotalMilliseconds),
                string.Empty,
                string.Empty);
            table.AddRow("speedup over the naive loop", Ratio(result.Speedup!.Value) + "×", $"≥ {Ratio(MassContainmentGoals.MinimumSpeedup)}×", Verdict(result.SpeedupGoalMet));
        }

        table.WriteTo(output);
        if (result.Budget is { } budget)
        {
            WriteBudget(budget, output);
        }

        if (traffic.LogOverflowed)
        {
            output.WriteLine("  The sandbox's request log overflowed: the request counts above are too low.");
        }

        if (module.ErrorIds.Count > 0)
        {
            output.WriteLine("  Error ids: " + string.Join(", ", module.ErrorIds.GroupBy(id => id).Select(g => $"{g.Key} ×{g.Count()}")));
        }

        WriteSummary(benchmarkName, result, output);
    }

    private static void WriteBudget(RevocationBudget budget, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Revocation alone: {budget.Users} users ($users | Revoke-CompromisedSession)");
        var table = new TextTable("Measurement", "value", "goal", "verdict");
        table.AddRow("wall time", Units.Seconds(budget.Wall.TotalMilliseconds), string.Empty, string.Empty);
        table.AddRow("users revoked (succeeded, distinct)", Count(budget.RevokedUsers), Count(budget.Users), Verdict(budget.RevokedUsers == budget.Users));
        table.AddRow("write batches (revocations)", Count(budget.Traffic.WriteBatches), $"ceil(N/20) = {Count(budget.WriteBatchesAllowed)}", string.Empty);
        table.AddRow("read batches (evidence read-back)", Count(budget.Traffic.ReadBatches), $"ceil(N/300) = {Count(budget.ReadBatchesAllowed)}", string.Empty);
        table.AddRow("other requests (connect's probe)", Count(budget.Traffic.HttpRequests - budget.Traffic.WriteBatches - budget.Traffic.ReadBatches), Count(RevocationBudget.ConnectionProbes), string.Empty);
        table.AddRow("HTTP requests in all", Count(budget.Traffic.HttpRequests), $"≤ {Count(budget.RequestsAllowed)}", Verdict(budget.Traffic.HttpRequests <= budget.RequestsAllowed));
        table.AddRow("429s received", Count(budget.Traffic.TooManyRequests), string.Empty, string.Empty);
        table.WriteTo(output);
    }

    private static void WriteSummary(string benchmarkName, MassContainmentResult result, TextWriter output)
    {
        ModuleRunOutput module = result.Module;
        GraphTraffic traffic = result.Traffic;
        output.WriteLine();
        output.WriteLine("Summary");
        string quota = result.QuotaRatio is { } ratio ? $"; {Ratio(ratio)}× the quota minimum {Units.Seconds(result.QuotaMinimum.TotalMilliseconds)}" : string.Empty;
        output.WriteLine(
            $"  {benchmarkName}/module  {result.Users} users in {Units.Seconds(module.Wall.TotalMilliseconds)}, first result {(module.FirstResult is { } f ? Units.Seconds(f.TotalMilliseconds) : "none")}; "
            + $"{Count(traffic.HttpRequests)} requests ({Ratio((double)traffic.HttpRequests / result.Users)}/user), {Count(traffic.Operations)} operations, {Count(traffic.Writes)} writes; "
            + $"429s {traffic.TooManyRequests} received, {module.ThrottlingErrors} surfaced; lost {result.Check.LostUsers}, duplicated {result.Check.DuplicatedUsers}, open footholds {result.Check.OpenFootholds}{quota}");
        if (result.Naive is { } naive)
        {
            string how = naive.IsExtrapolated ? $"measured on {naive.MeasuredUsers} users ({Units.Seconds(naive.Result.Wall.TotalMilliseconds)}) and scaled linearly" : "measured";
            output.WriteLine(
                $"  {benchmarkName}/naive   {naive.Users} users in {Units.Seconds(naive.EstimatedWall.TotalMilliseconds)}, {how}; failed calls {naive.Result.FailedCalls}, 429s {naive.Result.TooManyRequests}, open footholds {naive.OpenFootholds}; "
                + $"module is {Ratio(result.Speedup!.Value)}× faster");
        }

        if (result.Budget is { } budget)
        {
            output.WriteLine(
                $"  {benchmarkName}/revoke  {budget.Users} users revoked alone in {Units.Seconds(budget.Wall.TotalMilliseconds)}: {Count(budget.Traffic.HttpRequests)} requests = {Count(budget.Traffic.WriteBatches)} write batches + {Count(budget.Traffic.ReadBatches)} read batches"
                + $" + {Count(budget.Traffic.HttpRequests - budget.Traffic.WriteBatches - budget.Traffic.ReadBatches)} other (allowed {Count(budget.RequestsAllowed)}); 429s {budget.Traffic.TooManyRequests}");
        }

        var missed = new List<string>();
        if (!result.SpeedupGoalMet) missed.Add("speedup");
        if (!result.QuotaGoalMet) missed.Add("quota ratio");
        if (!result.NoThrottlingSurfaced) missed.Add("429s surfaced");
        if (!result.Check.IsClean) missed.Add("correctness");
        if (!result.BudgetGoalMet) missed.Add("revocation request budget");
        output.WriteLine(missed.Count == 0 ? "  Every goal met." : $"  Goal missed: {string.Join(", ", missed)}.");
    }

    private static string Verdict(bool met) => Goal.VerdictOf(met);

    private static string Count(int value) => Units.Count(value);

    private static string Ratio(double value) => Units.Ratio(value);
}
