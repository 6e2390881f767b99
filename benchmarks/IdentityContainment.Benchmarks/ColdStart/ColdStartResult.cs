using IdentityContainment.Benchmarks.Measurement;
using IdentityContainment.Benchmarks.Reporting;

namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>All runs of one flavour, summarised: the spread of every phase and the verdicts against the goals.</summary>
internal sealed class ColdStartResult
{
    public ColdStartResult(ColdStartFlavour flavour, IReadOnlyList<ColdStartSample> samples)
    {
        Flavour = flavour;
        Samples = samples;
        LaunchToResult = Distribution.Of(samples.Select(s => s.LaunchToResultMs));
        LaunchToExit = Distribution.Of(samples.Select(s => s.LaunchToExitMs));
        PeakMegabytes = Distribution.Of(samples.Select(s => Units.Megabytes(s.PeakWorkingSetBytes)));
        EngineReadyPeakMegabytes = samples.All(s => s.EngineReadyPeakWorkingSetBytes is not null)
            ? Distribution.Of(samples.Select(s => Units.Megabytes(s.EngineReadyPeakWorkingSetBytes!.Value)))
            : null;
    }

    public ColdStartFlavour Flavour { get; }

    public IReadOnlyList<ColdStartSample> Samples { get; }

    public Distribution LaunchToResult { get; }

    public Distribution LaunchToExit { get; }

    public Distribution PeakMegabytes { get; }

    /// <summary>The peak before Import-Module, where the child could measure it (the hosted engine).</summary>
    public Distribution? EngineReadyPeakMegabytes { get; }

    public string Engine => Samples[0].Engine;

    public string Runtime => Samples[0].Runtime;

    public bool TimeGoalMet => !Flavour.LoadsModule || ColdStartGoals.LaunchToFirstResult.IsMetBy(LaunchToResult.Median);

    public bool MemoryGoalMet => !Flavour.LoadsModule || ColdStartGoals.PeakWorkingSet.IsMetBy(PeakMegabytes.Median);

    public Distribution Phase(ColdStartPhase phase) => Distribution.Of(Samples.Select(s => s.PhasesMs[phase.Key]));

    /// <summary>Import, connect and first call together: the time the module itself adds once the engine is up.</summary>
    public Distribution ModuleWork() => Distribution.Of(Samples.Select(s =>
        s.PhasesMs.GetValueOrDefault(ColdStartPhase.Import.Key) + s.PhasesMs.GetValueOrDefault(ColdStartPhase.Connect.Key) + s.PhasesMs.GetValueOrDefault(ColdStartPhase.FirstCall.Key)));
}
