using System.Management.Automation;
using IdentityContainment.Commands.Support;
using IdentityContainment.Devices;
using IdentityContainment.Errors;

namespace IdentityContainment.Commands;

/// <summary>
/// Disables exactly the devices the findings piped in name (accountEnabled false), each kept as a before-image in the
/// output; a device already disabled or gone is Skipped, and a device Graph would refuse (an app may disable Windows
/// devices only) is an error that says who can, while the others go on.
/// </summary>
[Cmdlet(VerbsLifecycle.Disable, "SuspiciousDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ContainmentAction))]
public sealed class DisableSuspiciousDeviceCommand : BatchingCmdlet<DeviceFinding>
{
    private SuspiciousDeviceDisable? _disable;

    /// <summary>Findings from Get-SuspiciousDevice, live or re-imported from evidence.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    private protected override string ProgressActivity => "Disabling devices";

    private protected override string ItemNoun => "device(s)";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _disable = new SuspiciousDeviceDisable(Connection);
    }

    private protected override IEnumerable<DeviceFinding> ItemsOfRecord()
    {
        foreach (PSObject input in InputObject)
        {
            DeviceFinding? finding = DeviceFindingInput.Read(input, out string? problem);
            if (finding is null)
            {
                WriteContainmentError(new ContainmentException(ContainmentErrorKind.InvalidArgument, "NotADeviceFinding", problem!, input));
                continue;
            }

            yield return finding;
        }
    }

    private protected override string KeyOf(DeviceFinding finding) => finding.DeviceObjectId;

    private protected override bool Admit(DeviceFinding finding) =>
        ShouldProcess(
            $"device {finding.DisplayName ?? finding.DeviceObjectId} ({finding.DeviceObjectId}) of {finding.UserPrincipalName ?? finding.UserId}",
            "Disable device");

    private protected override Task ProcessBatchAsync(IReadOnlyList<DeviceFinding> findings, CancellationToken cancellationToken) =>
        _disable!.DisableAsync(findings, new BridgeSink<ContainmentAction>(this, Bridge), cancellationToken);
}
