using IdentityContainment.Benchmarks.Reporting;

namespace IdentityContainment.Benchmarks.OAuthHunt;

/// <summary>Prints a whole-tenant OAuth hunt: where its requests went, then time, findings and memory with their goals.</summary>
internal static class OAuthHuntReport
{
    private static readonly (HuntRequestKind Kind, string Label)[] Kinds =
    [
        (HuntRequestKind.GrantPage, "grant pages (GET /oauth2PermissionGrants)"),
        (HuntRequestKind.ServicePrincipalRead, "service principal reads"),
        (HuntRequestKind.ConsenterCount, "consenter counts ($filter=clientId, $top=10)"),
        (HuntRequestKind.DataApiLookup, "data API lookups (servicePrincipals(appId=))"),
        (HuntRequestKind.AppPermissionList, "app-permission lists (appRoleAssignedTo)"),
        (HuntRequestKind.Audit, "audit (directoryAudits)"),
        (HuntRequestKind.ConnectionProbe, "connect's probe (GET /organization)"),
        (HuntRequestKind.Other, "other"),
    ];

    public static void Write(string benchmarkName, OAuthHuntResult result, TextWriter output)
    {
        HuntTraffic traffic = result.Traffic;
        output.WriteLine();
        output.WriteLine("Requests by kind (round trips: single calls, or $batch envelopes whose items are all of the kind)");
        output.WriteLine("and the sandbox's own time to answer them, without its injected latency (mixed envelopes count as other)");
        var requests = new TextTable("Kind", "operations", "round trips", "server time");
        foreach ((HuntRequestKind kind, string label) in Kinds)
        {
            requests.AddRow(label, Units.Count(traffic.OperationsOf(kind)), Units.Count(traffic.RoundTripsOf(kind)), Units.Seconds(traffic.ServerTimeOf(kind).TotalMilliseconds));
        }

        requests.AddRow("$batch envelopes mixing kinds", string.Empty, Units.Count(traffic.MixedBatches), string.Empty);
        requests.AddRow(
            "all",
            Units.Count(traffic.Totals.Operations),
            Units.Count(result.HttpRequests),
            Units.Seconds(traffic.ServerTime.Values.Aggregate(TimeSpan.Zero, (total, t) => total + t).TotalMilliseconds));
        requests.WriteTo(output);

        HuntChildReport run = result.Run;
        output.WriteLine();
        output.WriteLine($"Get-SuspiciousOAuthGrant -All: {Units.Count(result.Grants)} delegated grants, {Units.Count(result.ServicePrincipalsReferenced)} service principals referenced");
        var table = new TextTable("Measurement", "value", "goal", "verdict");
        table.AddRow("wall time", Units.Seconds(run.WallMs), string.Empty, string.Empty);
        table.AddRow("  CPU of the module's process", Units.Seconds(run.CpuMs), string.Empty, string.Empty);
        table.AddRow("  CPU of the sandbox's process", Units.Seconds(result.SandboxCpu.TotalMilliseconds), string.Empty, string.Empty);
        table.AddRow(
            "time to first finding",
            run.FirstFindingMs is { } first ? Units.Seconds(first) : "none",
            OAuthHuntGoals.FirstFinding.ToString(),
            Goal.VerdictOf(result.FirstFindingGoalMet));
        foreach (KeyValuePair<string, int> level in run.FindingsByLevel.OrderByDescending(l => LevelRank(l.Key)))
        {
            table.AddRow($"findings {level.Key}", Units.Count(level.Value), string.Empty, string.Empty);
        }

        table.AddRow("distinct service principals read", Units.Count(result.DistinctServicePrincipalsRead), $"≤ {Units.Count(result.ServicePrincipalsReferenced)} referenced", Goal.VerdictOf(result.DistinctServicePrincipalsRead <= result.ServicePrincipalsReferenced));
        table.AddRow("service principals read more than once", Units.Count(result.ServicePrincipalsReadTwice), "0", Goal.VerdictOf(result.EachServicePrincipalOnce));
        table.AddRow(
            "floor: grant pages + ceil(distinct SPs / 20)",
            $"{Units.Count(result.GrantPages)} + {Units.Count(result.RequestFloor - result.GrantPages)} = {Units.Count(result.RequestFloor)}",
            string.Empty,
            string.Empty);
        table.AddRow("HTTP requests (round trips)", Units.Count(result.HttpRequests), string.Empty, string.Empty);
        table.AddRow("requests / floor", Units.Ratio(result.RequestRatio), $"≤ {Units.Ratio(OAuthHuntGoals.MaximumRequestRatio)}", Goal.VerdictOf(result.RequestGoalMet));
        table.AddRow(
            "  floor with consenter counts: pages + ceil((SPs + apps counted) / 20)",
            $"{Units.Count(result.RequestFloorWithConsenterCounts)} ({Units.Ratio((double)result.HttpRequests / result.RequestFloorWithConsenterCounts)}×)",
            string.Empty,
            string.Empty);
        table.AddRow("429s received", Units.Count(traffic.Totals.TooManyRequests), string.Empty, string.Empty);
        table.AddRow("429s surfaced as errors", Units.Count(result.ThrottlingErrors), "0", Goal.VerdictOf(result.ThrottlingErrors == 0));
        table.AddRow("other error records", Units.Count(run.ErrorIds.Values.Sum() - result.ThrottlingErrors), string.Empty, string.Empty);
        table.AddRow("peak working set, module's process", Units.MegabytesText(result.PeakWorkingSetMegabytes), OAuthHuntGoals.PeakWorkingSet.ToString(), Goal.VerdictOf(result.MemoryGoalMet));
        table.AddRow("  of which before the hunt (runspace, import, connect)", Units.MegabytesText(Units.Megabytes(run.ReadyPeakWorkingSetBytes)), string.Empty, string.Empty);
        table.AddRow("managed heap before the hunt", Units.MegabytesText(Units.Megabytes(run.ReadyManagedHeapBytes)), string.Empty, string.Empty);
        table.AddRow("managed heap peak during the hunt (sampled)", Units.MegabytesText(Units.Megabytes(run.PeakManagedHeapBytes)), string.Empty, string.Empty);
        table.WriteTo(output);
        WriteOverhead(result, output);

        if (traffic.Totals.LogOverflowed)
        {
            output.WriteLine("  The sandbox's request log overflowed: the request counts above are too low.");
        }

        if (run.ErrorIds.Count > 0)
        {
            output.WriteLine("  Error ids: " + string.Join(", ", run.ErrorIds.Select(e => $"{e.Key} ×{e.Value}")));
        }

        WriteSummary(benchmarkName, result, output);
    }

    /// <summary>Where the requests above the floor went, so "close to the floor" can be judged by what it is made of.</summary>
    private static void WriteOverhead(OAuthHuntResult result, TextWriter output)
    {
        HuntTraffic traffic = result.Traffic;
        int spBatchesOverFloor = traffic.RoundTripsOf(HuntRequestKind.ServicePrincipalRead) - (result.RequestFloor - result.GrantPages);
        output.WriteLine();
        output.WriteLine($"  Above the floor: {Units.Count(result.HttpRequests - result.RequestFloor)} round trips = "
            + $"{Units.Count(traffic.RoundTripsOf(HuntRequestKind.ConsenterCount))} consenter-count batches"
            + $" + {Units.Count(spBatchesOverFloor)} service principal batches beyond ceil(distinct/20) (each page's new apps are read before it is judged, so a page's last batch is often part-full)"
            + $" + {Units.Count(traffic.RoundTripsOf(HuntRequestKind.DataApiLookup) + traffic.RoundTripsOf(HuntRequestKind.AppPermissionList))} for the data APIs' application permissions"
            + $" + {Units.Count(traffic.RoundTripsOf(HuntRequestKind.ConnectionProbe))} connect probe"
            + $" + {Units.Count(traffic.RoundTripsOf(HuntRequestKind.Audit) + traffic.RoundTripsOf(HuntRequestKind.Other) + traffic.MixedBatches)} other.");
    }

    private static void WriteSummary(string benchmarkName, OAuthHuntResult result, TextWriter output)
    {
        HuntChildReport run = result.Run;
        output.WriteLine();
        output.WriteLine("Summary");
        output.WriteLine(
            $"  {benchmarkName}  {Units.Count(result.Grants)} grants in {Units.Seconds(run.WallMs)}, first finding {(run.FirstFindingMs is { } f ? Units.Seconds(f) : "none")}; "
            + $"{Units.Count(result.HttpRequests)} requests vs floor {Units.Count(result.RequestFloor)} ({Units.Ratio(result.RequestRatio)}×); "
            + $"{Units.Count(result.DistinctServicePrincipalsRead)} SPs read, {result.ServicePrincipalsReadTwice} twice; "
            + $"{Units.Count(run.FindingsByLevel.Values.Sum())} findings; peak working set {Units.MegabytesText(result.PeakWorkingSetMegabytes)}; 429s {result.Traffic.Totals.TooManyRequests} received, {result.ThrottlingErrors} surfaced");
        var missed = new List<string>();
        if (!result.EachServicePrincipalOnce) missed.Add("each SP once");
        if (!result.RequestGoalMet) missed.Add("requests vs floor");
        if (!result.FirstFindingGoalMet) missed.Add("first finding");
        if (!result.MemoryGoalMet) missed.Add("peak memory");
        if (result.ThrottlingErrors > 0) missed.Add("429s surfaced");
        output.WriteLine(missed.Count == 0 ? "  Every goal met." : $"  Goal missed: {string.Join(", ", missed)}.");
    }

    private static int LevelRank(string level) => level switch { "High" => 3, "Medium" => 2, "Low" => 1, _ => 0 };
}
