using System.Diagnostics;
using IdentityContainment.Benchmarks.ColdStart;
using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.MassContainment;
using IdentityContainment.Benchmarks.Measurement;
using IdentityContainment.Benchmarks.Setup;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.OAuthHunt;

/// <summary>
/// <c>oauth</c>: <c>Get-SuspiciousOAuthGrant -All</c> on the large-consent tenant (50,000 users, 100,000 delegated
/// grants, 5,000 service principals) under Graph-like latency. The sandbox runs in this process; the module runs in
/// a child process of its own (<see cref="HuntChild"/>), so the memory measured is the module's, not the tenant's.
/// </summary>
internal sealed class OAuthHuntBenchmark : IBenchmark
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(30);

    public string Name => "oauth";

    public string Summary => "Get-SuspiciousOAuthGrant -All on 100,000 grants / 5,000 apps, 50 ms latency: requests by kind, first finding, peak memory";

    public string OptionsUsage => "(none)";

    public async Task<int> RunAsync(CommandOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        options.RejectUnread();
        ModuleUnderTest module = ModuleUnderTest.Locate();
        output.WriteLine("OAuth hunt: Get-SuspiciousOAuthGrant -All");
        output.WriteLine($"  module   {module.ManifestPath}, in a hosted runspace of a child process");
        output.WriteLine($"  sandbox  {ScenarioLoader.LargeConsentName} tenant in this process, {MassSandbox.Latency.TotalMilliseconds:0} ms per request, default throttling");
        output.WriteLine($"  machine  {Environment.ProcessorCount} logical cores shared by the sandbox, the module and anything else running");

        await using BenchmarkTenant tenant = await BenchmarkTenant.StartAsync(
            new SandboxOptions
            {
                Scenario = ScenarioLoader.LargeConsentName,
                Latency = MassSandbox.Latency,
                Throttling = new ThrottlingOptions(),
            },
            cancellationToken);
        int grants = tenant.Sandbox.Tenant.PermissionGrants.Count;
        int referenced = ReferencedServicePrincipals.Of(tenant.Sandbox.Tenant).Count;
        output.WriteLine($"  tenant   {tenant.Sandbox.Tenant.Users.Count:N0} users, {grants:N0} delegated grants, {tenant.Sandbox.Tenant.ServicePrincipals.Count:N0} service principals");
        output.WriteLine();
        output.WriteLine("  hunt     running...");

        string token = tenant.IssueAutomationToken();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        ChildProcessResult child = await ChildProcess.RunAsync(
            SelfInvocation.DotnetHost,
            SelfInvocation.Arguments(HuntChild.Arguments(module.ManifestPath, tenant.GraphEndpoint)),
            new Dictionary<string, string> { [ColdStartInputs.AccessTokenVariable] = token },
            ChildTimeout,
            cancellationToken);
        TimeSpan sandboxCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        HuntChildReport run = (child.ExitCode == 0 ? SampleLine.Find<HuntChildReport>(child.StandardOutput) : null)
            ?? throw new BenchmarkCannotRunException(
                $"the hunt's process exited with {child.ExitCode} and no report: "
                + (child.StandardError + Environment.NewLine + child.StandardOutput).Replace(token, "<access token>", StringComparison.Ordinal).Trim());
        output.WriteLine($"  hunt     done in {run.WallMs / 1000:0.00} s");

        var result = new OAuthHuntResult
        {
            Run = run,
            Traffic = HuntTraffic.From(tenant.Sandbox.Requests),
            SandboxCpu = sandboxCpu,
            Grants = grants,
            ServicePrincipalsReferenced = referenced,
        };
        OAuthHuntReport.Write(Name, result, output);
        return result.AllGoalsMet ? BenchmarkExitCode.GoalsMet : BenchmarkExitCode.GoalMissed;
    }
}
