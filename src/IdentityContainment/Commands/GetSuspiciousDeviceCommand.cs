using System.Management.Automation;
using IdentityContainment.Commands.Support;
using IdentityContainment.Detection.Devices;
using IdentityContainment.Devices;
using IdentityContainment.Pipeline;
using IdentityContainment.SignIns;

namespace IdentityContainment.Commands;

/// <summary>
/// Finds the devices that keep an attacker signed in after the password is reset: each user's registered and owned
/// devices, judged by the device rule table (registered since the compromise, Entra registered, unmanaged,
/// non-compliant, used in a suspicious sign-in).
/// </summary>
[Cmdlet(VerbsCommon.Get, "SuspiciousDevice", DefaultParameterSetName = UserSet)]
[OutputType(typeof(DeviceFinding))]
public sealed class GetSuspiciousDeviceCommand : IdentityFootholdHuntCmdlet<DeviceFinding>
{
    private DeviceHunt? _hunt;

    private protected override string ProgressActivity => "Reading users' devices";

    private protected override void StartHunt(SignInFindingInputResult signIns) =>
        _hunt = new DeviceHunt(Connection, new DeviceHuntOptions
        {
            Criteria = new DeviceReviewCriteria { Since = SinceUtc, SuspiciousDeviceIds = signIns.DeviceIds().ToArray() },
            MinimumRisk = MinimumLevel,
            IncludeNonSuspicious = IncludeNonSuspicious,
        });

    private protected override Task HuntAsync(IReadOnlyList<ContainmentUser> users, IResultSink<DeviceFinding> results, CancellationToken cancellationToken) =>
        _hunt!.HuntUsersAsync(users, results, cancellationToken);
}
