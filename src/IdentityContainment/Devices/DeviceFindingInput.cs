using System.Management.Automation;
using IdentityContainment.Detection;
using static IdentityContainment.Pipeline.PipedProperties;

namespace IdentityContainment.Devices;

/// <summary>
/// A finding piped to Disable-SuspiciousDevice, as it came: the live object, or one re-imported from evidence
/// (Import-Clixml, ConvertFrom-Json, Import-Csv), whose properties are read by name. What the disable needs is checked
/// here, so a bad object is refused with the property it lacks before anything is sent.
/// </summary>
public static class DeviceFindingInput
{
    private const string Expected = "Pass findings from Get-SuspiciousDevice (live, or re-imported with Import-Clixml, ConvertFrom-Json or Import-Csv).";

    /// <summary>The finding, or null with <paramref name="problem"/> saying what is wrong with the object.</summary>
    public static DeviceFinding? Read(PSObject? input, out string? problem)
    {
        if (input?.BaseObject is DeviceFinding live)
        {
            problem = Check(live.DeviceObjectId);
            return problem is null ? live : null;
        }

        if (input is null)
        {
            problem = "The input is empty. " + Expected;
            return null;
        }

        string? objectId = Text(input, nameof(DeviceFinding.DeviceObjectId));
        problem = Check(objectId);
        if (problem is not null)
        {
            return null;
        }

        return new DeviceFinding
        {
            UserId = Text(input, nameof(DeviceFinding.UserId)) ?? string.Empty,
            UserPrincipalName = Text(input, nameof(DeviceFinding.UserPrincipalName)),
            DeviceObjectId = objectId!,
            DeviceId = Text(input, nameof(DeviceFinding.DeviceId)),
            DisplayName = Text(input, nameof(DeviceFinding.DisplayName)),
            OperatingSystem = Text(input, nameof(DeviceFinding.OperatingSystem)),
            TrustType = Text(input, nameof(DeviceFinding.TrustType)),
            RegistrationDateTime = Time(input, nameof(DeviceFinding.RegistrationDateTime)),
            RiskLevel = Text(input, nameof(DeviceFinding.RiskLevel)) ?? nameof(RiskLevel.None),
            ReasonCodes = Texts(input, nameof(DeviceFinding.ReasonCodes)),
            Reasons = Texts(input, nameof(DeviceFinding.Reasons)),
        };
    }

    // The id goes into the PATCH's path: anything but an object id (a GUID) is refused, so an edited finding cannot
    // steer the write elsewhere.
    private static string? Check(string? objectId) =>
        objectId is null ? $"The input is not a device finding: it has no {nameof(DeviceFinding.DeviceObjectId)}, which names the device to disable. {Expected}"
        : !Guid.TryParse(objectId, out _) ? $"The device finding's {nameof(DeviceFinding.DeviceObjectId)} '{objectId}' is not a directory object id (a GUID). {Expected}"
        : null;
}
