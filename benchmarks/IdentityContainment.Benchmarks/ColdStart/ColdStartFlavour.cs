using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.Measurement;

namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>One kind of fresh process the cold start is measured in: real pwsh, pwsh doing nothing, a hosted engine.</summary>
internal abstract class ColdStartFlavour
{
    /// <summary>No cold start should come near this; a child still running then is stuck, not slow.</summary>
    protected static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Short and stable, for summary lines and JSON: pwsh, pwsh-baseline, hosted.</summary>
    public abstract string Key { get; }

    public abstract string Title { get; }

    /// <summary>The phases the child reports, in order.</summary>
    public abstract IReadOnlyList<ColdStartPhase> Phases { get; }

    /// <summary>Only runs that load the module are judged against the goals; a baseline is there to subtract.</summary>
    public abstract bool LoadsModule { get; }

    public abstract Task<ColdStartSample> MeasureAsync(ColdStartInputs inputs, CancellationToken cancellationToken);

    /// <summary>Reads the child's sample line, or fails with what the child said (token blanked out).</summary>
    protected ColdStartSample ReadSample(ChildProcessResult result, ColdStartInputs inputs)
    {
        ChildReport? report = result.ExitCode == 0 ? SampleLine.Find<ChildReport>(result.StandardOutput) : null;
        if (report is null)
        {
            string said = inputs.Redact((result.StandardError + Environment.NewLine + result.StandardOutput).Trim());
            throw new BenchmarkCannotRunException(
                $"{Title}: the child process exited with {result.ExitCode} without a sample line. It said:{Environment.NewLine}{said}");
        }

        string[] missing = Phases.Select(p => p.Key).Where(key => !report.Phases.ContainsKey(key)).ToArray();
        if (missing.Length > 0)
        {
            throw new BenchmarkCannotRunException($"{Title}: the sample line lacks the phase(s) {string.Join(", ", missing)}.");
        }

        return new ColdStartSample(report.Phases, result.LaunchToExitMs, report.PeakWorkingSetBytes, report.EngineReadyPeakWorkingSetBytes, report.Engine, report.Runtime);
    }
}
