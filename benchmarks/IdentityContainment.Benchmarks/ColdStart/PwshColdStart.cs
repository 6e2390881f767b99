using IdentityContainment.Benchmarks.Measurement;

namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>
/// The real pwsh, started the way a scheduled task or CI job starts it. With the module it is what users run;
/// without it, it is the baseline that shows how much of the total is pwsh's own start-up.
/// </summary>
internal sealed class PwshColdStart : ColdStartFlavour
{
    /// <summary>CI points this at a real pwsh 7; without it the pwsh flavours are skipped.</summary>
    public const string PathVariable = "IC_PWSH";

    public const string ModuleKey = "pwsh";
    public const string BaselineKey = "pwsh-baseline";

    private readonly string _pwshPath;
    private readonly bool _withModule;

    private PwshColdStart(string pwshPath, bool withModule)
    {
        _pwshPath = pwshPath;
        _withModule = withModule;
    }

    public static PwshColdStart WithModule(string pwshPath) => new(pwshPath, withModule: true);

    public static PwshColdStart Baseline(string pwshPath) => new(pwshPath, withModule: false);

    public override string Key => _withModule ? ModuleKey : BaselineKey;

    public override string Title => _withModule
        ? "Real pwsh: pwsh -NoProfile -NonInteractive -Command <import, connect, read one user>"
        : "pwsh baseline: the same pwsh and script without the module lines";

    public override IReadOnlyList<ColdStartPhase> Phases => _withModule
        ? [ColdStartPhase.PwshStart, ColdStartPhase.Import, ColdStartPhase.Connect, ColdStartPhase.FirstCall]
        : [ColdStartPhase.PwshStart];

    public override bool LoadsModule => _withModule;

    public override async Task<ColdStartSample> MeasureAsync(ColdStartInputs inputs, CancellationToken cancellationToken)
    {
        string script = _withModule ? PwshScripts.ModuleRun : PwshScripts.Baseline;

        // The baseline gets the same environment, so the module lines are the only difference between the two.
        ChildProcessResult result = await ChildProcess.RunAsync(
            _pwshPath,
            ["-NoProfile", "-NonInteractive", "-Command", script],
            inputs.ToEnvironment(),
            ChildTimeout,
            cancellationToken);
        return ReadSample(result, inputs);
    }
}
