namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>One fresh process, measured: its phases, its whole life, and its memory.</summary>
internal sealed record ColdStartSample(
    IReadOnlyDictionary<string, double> PhasesMs,
    double LaunchToExitMs,
    long PeakWorkingSetBytes,
    long? EngineReadyPeakWorkingSetBytes,
    string Engine,
    string Runtime)
{
    /// <summary>From the parent's launch to the last mark: for a module run, the first user object in hand.</summary>
    public double LaunchToResultMs => PhasesMs.Values.Sum();
}
