using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.Reporting;
using IdentityContainment.Benchmarks.Setup;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>
/// <c>import</c>: a cold Import-Module of the built module, Connect-IdentityContainment -AccessToken and one Graph
/// call, each run in a fresh process, in real pwsh (with a do-nothing baseline) and in a hosted engine.
/// </summary>
internal sealed class ColdStartBenchmark : IBenchmark
{
    private const int DefaultRuns = 5;

    public string Name => "import";

    public string Summary => "cold Import-Module + Connect-IdentityContainment -AccessToken + one Graph call, fresh process per run";

    public string OptionsUsage => $"[--runs N (default {DefaultRuns})] [--json <path>]; set IC_PWSH to a pwsh 7 to include real pwsh";

    public async Task<int> RunAsync(CommandOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        int runs = options.Integer("--runs", DefaultRuns, minimum: 1);
        string? jsonPath = options.Text("--json");
        options.RejectUnread();

        ModuleUnderTest module = ModuleUnderTest.Locate();
        IReadOnlyList<ColdStartFlavour> flavours = ChooseFlavours(output);

        await using BenchmarkTenant tenant = await BenchmarkTenant.StartAsync(new SandboxOptions { Scenario = "aitm-bec" }, cancellationToken);
        var inputs = new ColdStartInputs
        {
            ManifestPath = module.ManifestPath,
            GraphEndpoint = tenant.GraphEndpoint,
            UserId = tenant.Sandbox.Tenant.Footholds[0].UserId,
            AccessToken = tenant.IssueAutomationToken(),
        };

        output.WriteLine("Cold start: Import-Module + Connect-IdentityContainment -AccessToken + Get-ContainmentUser, a fresh process per run");
        output.WriteLine($"  module  {module.ManifestPath}");
        output.WriteLine($"  tenant  sandbox '{tenant.Scenario}' at {tenant.GraphEndpoint}, reading user {inputs.UserId}");
        output.WriteLine($"  runs    {runs} per flavour, interleaved, after one uncounted warm-up each; {Environment.ProcessorCount} logical cores");

        // The first run of each flavour pays for things no user pays twice in a row and that are not the module's:
        // the sandbox's own JIT in this process, the disk cache, pwsh's module analysis cache.
        output.WriteLine();
        foreach (ColdStartFlavour flavour in flavours)
        {
            ColdStartSample warmUp = await flavour.MeasureAsync(inputs, cancellationToken);
            output.WriteLine($"  warm-up   {flavour.Key,-14} {Progress(warmUp)}");
        }

        // Interleaving spreads any background load (other builds on this machine) over every flavour alike.
        Dictionary<ColdStartFlavour, List<ColdStartSample>> samples = flavours.ToDictionary(f => f, _ => new List<ColdStartSample>());
        for (int run = 1; run <= runs; run++)
        {
            foreach (ColdStartFlavour flavour in flavours)
            {
                ColdStartSample sample = await flavour.MeasureAsync(inputs, cancellationToken);
                samples[flavour].Add(sample);
                output.WriteLine($"  run {run,2}/{runs,-2} {flavour.Key,-14} {Progress(sample)}");
            }
        }

        List<ColdStartResult> results = flavours.Select(f => new ColdStartResult(f, samples[f])).ToList();
        ColdStartReport.Write(Name, results, output);
        if (jsonPath is not null)
        {
            ColdStartJson.Write(jsonPath, Name, runs, inputs, results);
            output.WriteLine($"  Results written to {Path.GetFullPath(jsonPath)}");
        }

        return results.All(r => r.TimeGoalMet && r.MemoryGoalMet) ? BenchmarkExitCode.GoalsMet : BenchmarkExitCode.GoalMissed;
    }

    private static List<ColdStartFlavour> ChooseFlavours(TextWriter output)
    {
        var flavours = new List<ColdStartFlavour>();
        string? pwsh = Environment.GetEnvironmentVariable(PwshColdStart.PathVariable);
        if (string.IsNullOrWhiteSpace(pwsh))
        {
            output.WriteLine($"Real pwsh: skipped, {PwshColdStart.PathVariable} is not set. Set it to a pwsh 7 executable (benchmarks/README.md says how to get the pinned one) to measure what users run.");
            output.WriteLine();
        }
        else if (!File.Exists(pwsh))
        {
            throw new BenchmarkCannotRunException($"{PwshColdStart.PathVariable} names '{pwsh}', which does not exist.");
        }
        else
        {
            string path = Path.GetFullPath(pwsh);
            flavours.Add(PwshColdStart.WithModule(path));
            flavours.Add(PwshColdStart.Baseline(path));
        }

        flavours.Add(new HostedEngineColdStart());
        return flavours;
    }

    private static string Progress(ColdStartSample sample) =>
        $"{Units.Milliseconds(sample.LaunchToResultMs),8} to result, {Units.Milliseconds(sample.LaunchToExitMs),8} to exit, "
        + $"peak {Units.MegabytesText(Units.Megabytes(sample.PeakWorkingSetBytes)).PadLeft(8)}";
}
