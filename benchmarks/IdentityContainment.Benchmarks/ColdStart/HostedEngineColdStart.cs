using IdentityContainment.Benchmarks.Measurement;
using IdentityContainment.Benchmarks.Setup;

namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>
/// PowerShell hosted in a .NET process (System.Management.Automation from NuGet), as a host application or the Azure
/// Automation sandbox runs it: this benchmark starts itself again as <see cref="HostedImportChild"/>.
/// </summary>
internal sealed class HostedEngineColdStart : ColdStartFlavour
{
    public const string FlavourKey = "hosted";

    public override string Key => FlavourKey;

    public override string Title => "Hosted engine: System.Management.Automation in a fresh .NET process";

    public override IReadOnlyList<ColdStartPhase> Phases { get; } =
    [
        ColdStartPhase.HostStart,
        ColdStartPhase.RunspaceOpen,
        ColdStartPhase.Import,
        ColdStartPhase.Connect,
        ColdStartPhase.FirstCall,
    ];

    public override bool LoadsModule => true;

    public override async Task<ColdStartSample> MeasureAsync(ColdStartInputs inputs, CancellationToken cancellationToken)
    {
        ChildProcessResult result = await ChildProcess.RunAsync(
            SelfInvocation.DotnetHost,
            SelfInvocation.Arguments(HostedImportChild.Arguments(inputs)),
            inputs.ToEnvironment(),
            ChildTimeout,
            cancellationToken);
        return ReadSample(result, inputs);
    }
}
