using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.Setup;

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>
/// <c>mass</c>: revoke sessions and reset passwords for many users through the module, under Graph-like latency
/// and the real write quota, against a naive one-request-per-call loop on a sandbox of its own.
/// </summary>
internal sealed class MassContainmentBenchmark : IBenchmark
{
    private const int DefaultUsers = 1000;

    // Above this the naive loop would run for many minutes, so it is off unless asked for.
    private const int NaiveByDefaultUpTo = 1000;

    public string Name => "mass";

    public string Summary => "$users | Revoke-CompromisedSession | Reset-CompromisedPassword, 50 ms latency, real write quota, vs a naive loop";

    public string OptionsUsage =>
        $"[--users N (default {DefaultUsers})] [--naive | --no-naive (default: naive up to {NaiveByDefaultUpTo} users)] [--naive-users N (measure the loop on N users and scale linearly)] [--no-budget (skip the revoke-only request count)]";

    public async Task<int> RunAsync(CommandOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        int users = options.Integer("--users", DefaultUsers, minimum: 1);
        bool naiveAsked = options.Flag("--naive");
        bool naiveRefused = options.Flag("--no-naive");
        int naiveUsers = Math.Min(users, options.Integer("--naive-users", users, minimum: 1));
        bool runBudget = !options.Flag("--no-budget");
        options.RejectUnread();
        if (naiveAsked && naiveRefused)
        {
            throw new ArgumentException("--naive and --no-naive contradict each other.");
        }

        bool runNaive = naiveAsked || (!naiveRefused && users <= NaiveByDefaultUpTo);
        ModuleUnderTest module = ModuleUnderTest.Locate();
        output.WriteLine($"Mass containment: {users} compromised users, revoke sessions + reset passwords");
        output.WriteLine($"  module   {module.ManifestPath}, in a runspace of this process");
        output.WriteLine($"  sandbox  generated tenant, {MassSandbox.Latency.TotalMilliseconds:0} ms per request, default throttling, a fresh one per contender");
        output.WriteLine($"  machine  {Environment.ProcessorCount} logical cores shared by the sandbox, the module and anything else running");

        MassContainmentResult result = await MeasureAsync(module, users, runNaive ? naiveUsers : null, runBudget, output, cancellationToken);
        MassContainmentReport.Write(Name, result, output);
        return result.AllGoalsMet ? BenchmarkExitCode.GoalsMet : BenchmarkExitCode.GoalMissed;
    }

    private static async Task<MassContainmentResult> MeasureAsync(ModuleUnderTest module, int users, int? naiveUsers, bool runBudget, TextWriter output, CancellationToken cancellationToken)
    {
        ModuleRunOutput moduleRun;
        GraphTraffic traffic;
        ContainmentCheck check;
        ContainmentTargets targets;
        Sandbox.ThrottlingOptions throttling;
        await using (BenchmarkTenant tenant = await MassSandbox.StartAsync(users, cancellationToken))
        {
            targets = ContainmentTargets.Of(tenant.Sandbox);
            throttling = tenant.Sandbox.Throttling;
            output.WriteLine($"  quota    {throttling.WriteQuota} writes per {throttling.WriteWindow.TotalSeconds:0} s, resource units {(throttling.ResourceUnitQuota?.ToString() ?? "by tenant size")} per {throttling.ResourceUnitWindow.TotalSeconds:0} s, throttling {(throttling.Enabled ? "on" : "off")}");
            output.WriteLine(targets.Excluded == 0
                ? $"  users    {targets.Users.Count} compromised, all ordinary cloud members"
                : $"  users    {targets.Users.Count} compromised; {targets.Excluded} guests, synced or privileged users left out");
            output.WriteLine();
            output.WriteLine("  module   running...");
            string token = tenant.IssueAutomationToken();
            // Invoke blocks; a worker thread keeps this method's awaits free.
            moduleRun = await Task.Run(() => HostedModuleContainment.Run(module.ManifestPath, tenant.GraphEndpoint, token, targets.UserPrincipalNames, HostedModuleContainment.RevokeAndReset), cancellationToken);
            traffic = GraphTraffic.From(tenant.Sandbox.Requests);
            check = ContainmentCheck.Of(moduleRun.Actions, targets.Ids, tenant.Sandbox);
            output.WriteLine($"  module   done in {moduleRun.Wall.TotalSeconds:0.00} s");
        }

        RevocationBudget? budget = runBudget ? await MeasureRevocationAsync(module, users, output, cancellationToken) : null;

        NaiveLoopMeasurement? naive = null;
        if (naiveUsers is { } measured)
        {
            await using BenchmarkTenant tenant = await MassSandbox.StartAsync(users, cancellationToken);
            ContainmentTargets naiveTargets = ContainmentTargets.Of(tenant.Sandbox, measured);
            output.WriteLine($"  naive    running on {naiveTargets.Users.Count} users...");
            NaiveLoopContainment.Result loop = await NaiveLoopContainment.RunAsync(tenant.GraphEndpoint, tenant.IssueAutomationToken(), naiveTargets.Users, cancellationToken);
            naive = new NaiveLoopMeasurement(naiveTargets.Users.Count, targets.Users.Count, loop, ContainmentCheck.OpenFootholdsOf(naiveTargets.Ids, tenant.Sandbox));
            output.WriteLine($"  naive    done in {loop.Wall.TotalSeconds:0.00} s");
        }

        return new MassContainmentResult
        {
            Users = targets.Users.Count,
            ExcludedUsers = targets.Excluded,
            Module = moduleRun,
            Traffic = traffic,
            Check = check,
            Throttling = throttling,
            Naive = naive,
            Budget = budget,
        };
    }

    /// <summary>Revocation alone on a fresh tenant: the request count its budget is about.</summary>
    private static async Task<RevocationBudget> MeasureRevocationAsync(ModuleUnderTest module, int users, TextWriter output, CancellationToken cancellationToken)
    {
        await using BenchmarkTenant tenant = await MassSandbox.StartAsync(users, cancellationToken);
        ContainmentTargets targets = ContainmentTargets.Of(tenant.Sandbox);
        output.WriteLine($"  revoke   running on {targets.Users.Count} users, revocation alone...");
        string token = tenant.IssueAutomationToken();
        ModuleRunOutput run = await Task.Run(() => HostedModuleContainment.Run(module.ManifestPath, tenant.GraphEndpoint, token, targets.UserPrincipalNames, HostedModuleContainment.RevokeOnly), cancellationToken);
        int revoked = run.Actions.Where(a => a.Action == ActionRecord.RevokeSessionsAction && a.Status == ActionRecord.Succeeded).Select(a => a.UserId).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        output.WriteLine($"  revoke   done in {run.Wall.TotalSeconds:0.00} s");
        return new RevocationBudget(targets.Users.Count, run.Wall, GraphTraffic.From(tenant.Sandbox.Requests), revoked);
    }
}
