namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>
/// What a measured process says about itself, as one JSON line: each phase in milliseconds, its peak working set,
/// and what engine and runtime it ran on. <see cref="EngineReadyPeakWorkingSetBytes"/> is the peak before
/// Import-Module, where the child can tell it.
/// </summary>
internal sealed record ChildReport(
    Dictionary<string, double> Phases,
    long PeakWorkingSetBytes,
    long? EngineReadyPeakWorkingSetBytes,
    string Engine,
    string Runtime);
