using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IdentityContainment.Benchmarks.ColdStart;
using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.Measurement;
using IdentityContainment.Benchmarks.Setup;

namespace IdentityContainment.Benchmarks.OAuthHunt;

/// <summary>
/// The child side of <see cref="OAuthHuntBenchmark"/>: a process of its own, so its peak working set is the module's
/// and the engine's, not the sandbox's 100,000 grants. It opens a runspace, imports the module by its manifest,
/// connects with the token from the environment, runs <see cref="Pipeline"/> and prints a <see cref="HuntChildReport"/>.
/// </summary>
internal static class HuntChild
{
    public const string CommandName = "child-oauth";

    /// <summary>
    /// The hunt, keeping only each finding's level: a host that held 100,000 findings would measure its own list, not
    /// the module's streaming. The first level out of ForEach-Object follows the first finding at once.
    /// </summary>
    private const string Pipeline = "Get-SuspiciousOAuthGrant -All | ForEach-Object { $_.RiskLevel }";

    public static string[] Arguments(string manifestPath, Uri graphEndpoint) =>
        [CommandName, "--manifest", manifestPath, "--graph-endpoint", graphEndpoint.AbsoluteUri];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            CommandOptions options = CommandOptions.Parse(args);
            string manifest = Path.GetFullPath(options.RequiredText("--manifest"));
            string graphEndpoint = options.RequiredText("--graph-endpoint");
            options.RejectUnread();
            string token = Environment.GetEnvironmentVariable(ColdStartInputs.AccessTokenVariable)
                ?? throw new ArgumentException($"{ColdStartInputs.AccessTokenVariable} is not set; the token comes only from the environment.");

            using Runspace runspace = RunspaceFactory.CreateRunspace(HostedRunspace.CreateSessionState());
            runspace.Open();
            HostedRunspace.Invoke(runspace, "Import-Module", ("Name", manifest));
            HostedRunspace.Invoke(runspace, "Connect-IdentityContainment", ("AccessToken", token), ("GraphEndpoint", graphEndpoint));
            output.WriteLine(SampleLine.Format(Hunt(runspace)));
            return 0;
        }
        catch (RuntimeException ex)
        {
            // The error record holds the command's own message, without the "stopped because of -ErrorAction" wrapper.
            error.WriteLine($"{CommandName}: {ex.ErrorRecord}");
            return 1;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"{CommandName}: {ex.Message}");
            return 1;
        }
    }

    private static HuntChildReport Hunt(Runspace runspace)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long readyHeap = GC.GetTotalMemory(forceFullCollection: true);
        long readyPeak = PeakWorkingSet.OfCurrentProcess();

        using PowerShell shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(Pipeline);
        var levels = new PSDataCollection<PSObject>();
        long firstFindingAt = 0;
        levels.DataAdded += (_, _) =>
        {
            // DataAdded runs on the pipeline thread as each object streams out; only the first one is timed.
            if (firstFindingAt == 0)
            {
                firstFindingAt = Stopwatch.GetTimestamp();
            }
        };

        var heap = new ManagedHeapPeak(readyHeap);
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long started = Stopwatch.GetTimestamp();
        shell.Invoke(input: null, levels);
        TimeSpan wall = Stopwatch.GetElapsedTime(started);
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        heap.Dispose();

        return new HuntChildReport
        {
            WallMs = wall.TotalMilliseconds,
            FirstFindingMs = firstFindingAt == 0 ? null : Stopwatch.GetElapsedTime(started, firstFindingAt).TotalMilliseconds,
            FindingsByLevel = levels.GroupBy(l => l.BaseObject?.ToString() ?? "(none)").ToDictionary(g => g.Key, g => g.Count()),
            ErrorIds = shell.Streams.Error.GroupBy(e => e.FullyQualifiedErrorId ?? string.Empty).ToDictionary(g => g.Key, g => g.Count()),
            CpuMs = cpu.TotalMilliseconds,
            ReadyPeakWorkingSetBytes = readyPeak,
            PeakWorkingSetBytes = PeakWorkingSet.OfCurrentProcess(),
            ReadyManagedHeapBytes = readyHeap,
            PeakManagedHeapBytes = heap.Peak,
        };
    }
}
