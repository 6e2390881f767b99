using System.Management.Automation;
using IdentityContainment.Commands.Support;
using IdentityContainment.Detection;
using IdentityContainment.Detection.Devices;
using IdentityContainment.Devices;
using IdentityContainment.SignIns;
using IdentityContainment.Users;

namespace IdentityContainment.Commands;

/// <summary>
/// Finds the devices that keep an attacker signed in after the password is reset: each user's registered and owned
/// devices, judged by the device rule table (registered since the compromise, Entra registered, unmanaged,
/// non-compliant, used in a suspicious sign-in).
/// </summary>
[Cmdlet(VerbsCommon.Get, "SuspiciousDevice", DefaultParameterSetName = UserSet)]
[OutputType(typeof(DeviceFinding))]
public sealed class GetSuspiciousDeviceCommand : UserPipelineCmdlet
{
    private DeviceHunt? _hunt;

    /// <summary>When the compromise began: devices registered since then weigh more.</summary>
    [Parameter]
    [PointInTimeTransformation]
    public DateTime? Since { get; set; }

    /// <summary>Output of Get-SuspiciousSignIn (live or re-imported): devices those sign-ins came from weigh more.</summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject?[]? SuspiciousSignIn { get; set; }

    /// <summary>The lowest risk reported: Low (any rule fired), Medium or High.</summary>
    [Parameter]
    [ValidateSet("Low", "Medium", "High")]
    public string MinimumRisk { get; set; } = nameof(RiskLevel.Low);

    /// <summary>Also report the devices no rule flags, as RiskLevel None.</summary>
    [Parameter]
    public SwitchParameter IncludeNonSuspicious { get; set; }

    private protected override string ProgressActivity => "Reading users' devices";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        SignInFindingInputResult signIns = SignInFindingInput.Read(SuspiciousSignIn);
        foreach (string problem in signIns.Problems)
        {
            WriteWarning(problem);
        }

        _hunt = new DeviceHunt(Connection, new DeviceHuntOptions
        {
            Criteria = new DeviceReviewCriteria
            {
                Since = Since is { } since ? new DateTimeOffset(since.ToUniversalTime(), TimeSpan.Zero) : null,
                SuspiciousDeviceIds = signIns.DeviceIds().ToArray(),
            },
            MinimumRisk = (RiskLevel)Enum.Parse(typeof(RiskLevel), MinimumRisk),
            IncludeNonSuspicious = IncludeNonSuspicious,
        });
    }

    private protected override async Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var sink = new BridgeSink<DeviceFinding>(this, Bridge);
        IReadOnlyList<UserLookup> lookups = await Reader.LookUpAsync(userIds, cancellationToken).ConfigureAwait(false);
        foreach (UserLookup missing in lookups.Where(l => l.User is null))
        {
            sink.Failed(missing.Failure(Graph.GraphOperation.ReadUser));
        }

        await _hunt!.HuntUsersAsync(lookups.Select(l => l.User).OfType<ContainmentUser>().ToList(), sink, cancellationToken).ConfigureAwait(false);
    }
}
