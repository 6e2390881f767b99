using System.Diagnostics;
using IdentityContainment.Benchmarks.ColdStart;
using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.MassContainment;
using IdentityContainment.Benchmarks.Measurement;
using IdentityContainment.Benchmarks.Reporting;
using IdentityContainment.Benchmarks.Setup;
using IdentityContainment.Sandbox;
using IdentityContainment.SignIns;

namespace IdentityContainment.Benchmarks.SignInHunt;

/// <summary>
/// <c>signins</c>: the sign-in analysis Get-SuspiciousSignIn runs, over many users with long logs, in each query shape
/// (a query per user, one query over the time range) and in the shape the hunt chooses itself. The sign-in log's budget
/// (5 requests per 10 s per app and tenant) is scaled down in time alike in the sandbox and in the engine, so the run
/// takes seconds, and the budget is meant to be the only limit: each run is held against the time its requests need at
/// 5 per window. The hunt runs in a child process (<see cref="SignInChild"/>), so its memory is measured apart from the
/// sandbox's sign-ins.
/// </summary>
internal sealed class SignInHuntBenchmark : IBenchmark
{
    private const int DefaultUsers = 100;
    private const int DefaultSignInsPerUser = 2000;
    private const int DefaultWindowMs = 500;
    private const double BudgetGoal = 1.1;
    private const double MemoryGoalMegabytes = 300;
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(10);

    public string Name => "signins";

    public string Summary => "sign-in analysis of 100 users x 2,000 sign-ins, reports budget scaled to 5 per 0.5 s: requests, wall vs the budget's time, memory, per query shape";

    public string OptionsUsage =>
        $"[--users N (default {DefaultUsers})] [--sign-ins N per user over 30 days (default {DefaultSignInsPerUser})] [--window-ms N: the window of the 5-request budget, in the sandbox and the engine alike (default {DefaultWindowMs}; Graph's is 10000)] [--latency-ms N added to each request (default {MassSandbox.Latency.TotalMilliseconds:0}): a page slower than the budget's pace shows what the time slices are for]";

    public async Task<int> RunAsync(CommandOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        int users = options.Integer("--users", DefaultUsers, minimum: 1);
        int signInsPerUser = options.Integer("--sign-ins", DefaultSignInsPerUser, minimum: 1);
        TimeSpan window = TimeSpan.FromMilliseconds(options.Integer("--window-ms", DefaultWindowMs, minimum: 10));
        TimeSpan latency = TimeSpan.FromMilliseconds(options.Integer("--latency-ms", (int)MassSandbox.Latency.TotalMilliseconds, minimum: 0));
        options.RejectUnread();

        Scenario scenario = ScenarioGenerator.Generate(new GeneratedTenantOptions
        {
            Name = "signin-benchmark",
            Users = users,
            CompromisedUsers = 1,
            InboxRulesPerUser = 0,
            SignInsPerUser = signInsPerUser,
            Seed = 16,
        });
        await using BenchmarkTenant tenant = await BenchmarkTenant.StartAsync(
            new SandboxOptions
            {
                ScenarioObject = scenario,
                Latency = latency,
                Throttling = new ThrottlingOptions { ReportsWindow = window },
            },
            cancellationToken);
        string[] asked = tenant.Sandbox.Tenant.SignIns.Select(s => s.UserId).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        int quota = tenant.Sandbox.Throttling.ReportsQuota;
        output.WriteLine($"Sign-in analysis: {asked.Length} users, {tenant.Sandbox.Tenant.SignIns.Count:N0} sign-ins over 30 days, each user's last 7 days judged against the 14 before");
        output.WriteLine($"  sandbox  generated tenant, {latency.TotalMilliseconds:0} ms per request, sign-in log budget {quota} requests per {window.TotalMilliseconds:0} ms (Graph: per 10 s), 1,000 sign-ins a page");
        output.WriteLine($"  engine   SignInHunt in a child process, its connection's logs budget {quota} per {window.TotalMilliseconds:0} ms; every sign-in of the window judged and counted");
        output.WriteLine($"  machine  {Environment.ProcessorCount} logical cores shared by the sandbox, the hunt and anything else running; load average {LoadAverage()}");
        output.WriteLine();

        string usersFile = Path.Combine(Path.GetTempPath(), $"ic-signin-benchmark-{Environment.ProcessId}.txt");
        await File.WriteAllLinesAsync(usersFile, asked, cancellationToken);
        var runs = new List<SignInRun>();
        try
        {
            string token = tenant.IssueAutomationToken();
            foreach (string shape in new[] { "PerUser", "TimeRange", SignInChild.ChosenShape })
            {
                // The sandbox's budget window forgets the previous run before this one starts.
                await Task.Delay(window * 2, cancellationToken);
                tenant.Sandbox.Requests.Clear();
                output.WriteLine($"  {shape,-9} running...");
                TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                ChildProcessResult child = await ChildProcess.RunAsync(
                    SelfInvocation.DotnetHost,
                    SelfInvocation.Arguments(SignInChild.Arguments(tenant.GraphEndpoint, usersFile, shape, window)),
                    new Dictionary<string, string> { [ColdStartInputs.AccessTokenVariable] = token },
                    ChildTimeout,
                    cancellationToken);
                SignInChildReport report = (child.ExitCode == 0 ? SampleLine.Find<SignInChildReport>(child.StandardOutput) : null)
                    ?? throw new BenchmarkCannotRunException(
                        $"the sign-in hunt's process exited with {child.ExitCode} and no report: "
                        + (child.StandardError + Environment.NewLine + child.StandardOutput).Replace(token, "<access token>", StringComparison.Ordinal).Trim());
                TimeSpan sandboxCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                runs.Add(SignInRun.From(shape, report, tenant.Sandbox, asked, quota, window, sandboxCpu));
                output.WriteLine($"  {shape,-9} done in {report.WallMs / 1000:0.00} s");
            }
        }
        finally
        {
            File.Delete(usersFile);
        }

        output.WriteLine($"  machine  load average {LoadAverage()} at the end (runnable processes over 1, 5 and 15 minutes)");
        output.WriteLine();
        return Report(runs, asked.Length, quota, window, output) ? BenchmarkExitCode.GoalsMet : BenchmarkExitCode.GoalMissed;
    }

    /// <summary>The machine's load (Linux /proc/loadavg: 1, 5 and 15 minutes), so numbers from a busy machine read as such.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static bool Report(IReadOnlyList<SignInRun> runs, int users, int quota, TimeSpan window, TextWriter output)
    {
        var table = new TextTable(new[] { "" }.Concat(runs.Select(r => r.Contender == SignInChild.ChosenShape ? $"chosen ({r.Report.Shape})" : r.Contender)).ToArray());
        void Row(string label, Func<SignInRun, string> cell) => table.AddRow(new[] { label }.Concat(runs.Select(cell)).ToArray());
        Row("sign-in log requests", r => Units.Count(r.LogRequests));
        Row("  of them 429", r => Units.Count(r.TooManyRequests));
        Row($"budget's time (requests / {quota} x {window.TotalMilliseconds:0} ms)", r => Units.Seconds(r.BudgetMs));
        Row("wall time", r => Units.Seconds(r.Report.WallMs));
        Row("wall / budget's time", r => Units.Ratio(r.WallOverBudget));
        Row("first user judged", r => r.Report.FirstVerdictMs is { } first ? Units.Seconds(first) : "");
        Row("waited for the budget", r => Units.Seconds(r.Report.BudgetWaitMs));
        Row("users judged", r => $"{r.Report.UsersJudged} of {users}");
        Row("sign-ins judged / in the windows", r => $"{Units.Count(r.Report.SignInsJudged)} / {Units.Count(r.SignInsInWindows)}");
        Row("flagged", r => Units.Count(r.Report.Flagged));
        Row("errors", r => Units.Count(r.Report.ErrorIds.Values.Sum()));
        Row("peak working set (ready)", r => $"{Units.MegabytesText(Units.Megabytes(r.Report.PeakWorkingSetBytes))} ({Units.MegabytesText(Units.Megabytes(r.Report.ReadyPeakWorkingSetBytes))})");
        Row("managed heap peak - ready", r => Units.MegabytesText(Units.Megabytes(r.Report.PeakManagedHeapBytes - r.Report.ReadyManagedHeapBytes)));
        Row("CPU of the hunt's process", r => Units.Seconds(r.Report.CpuMs));
        Row("CPU of the sandbox's process", r => Units.Seconds(r.SandboxCpuMs));
        Row("sandbox's time to answer a page (median)", r => Units.Milliseconds(r.SandboxMedianMs));
        table.WriteTo(output);
        output.WriteLine();

        SignInRun? chosen = runs.FirstOrDefault(r => r.Contender == SignInChild.ChosenShape);
        if (chosen?.Report.Choice is { } reason)
        {
            output.WriteLine($"  choice  {reason}");
        }

        bool allMet = true;
        foreach (SignInRun run in runs)
        {
            bool paced = run.WallOverBudget <= BudgetGoal;
            bool unthrottled = !run.Report.ErrorIds.Keys.Any(id => id.StartsWith("GraphThrottled", StringComparison.Ordinal));
            bool complete = run.Report.UsersJudged == users && run.Report.ErrorIds.Count == 0 && run.Report.SignInsJudged == run.SignInsInWindows;
            bool small = Units.Megabytes(run.Report.PeakWorkingSetBytes) < MemoryGoalMegabytes;
            output.WriteLine($"  goal  {run.Contender}: wall within {BudgetGoal:0.0}x the budget's time: {Units.Ratio(run.WallOverBudget)}x  {Goal.VerdictOf(paced)}");
            output.WriteLine($"  goal  {run.Contender}: no 429 surfaced as an error ({run.TooManyRequests} received and retried)  {Goal.VerdictOf(unthrottled)}");
            output.WriteLine($"  goal  {run.Contender}: every user and every sign-in of the window judged, no error  {Goal.VerdictOf(complete)}");
            output.WriteLine($"  goal  {run.Contender}: peak working set under {MemoryGoalMegabytes:0} MB: {Units.MegabytesText(Units.Megabytes(run.Report.PeakWorkingSetBytes))}  {Goal.VerdictOf(small)}");
            allMet &= paced && unthrottled && complete && small;
        }

        if (chosen is not null && runs.Where(r => r != chosen).Select(r => r.LogRequests).DefaultIfEmpty().Min() is int cheapest && cheapest > 0)
        {
            // A choice costs at most the probe page on top of the cheaper shape (none when the time range wins: the probe is its
            // first page), and a part-full page for each time slice past the first.
            int allowance = SignInQueryPlan.MostSlices;
            bool fewer = chosen.LogRequests <= cheapest + allowance;
            output.WriteLine($"  goal  the chosen shape needs no more than the cheaper one's requests + {allowance} (probe, slices' last pages): {chosen.LogRequests} vs {cheapest}  {Goal.VerdictOf(fewer)}");
            allMet &= fewer;
        }

        return allMet;
    }
}
