using System.Management.Automation;
using IdentityContainment.Applications;
using IdentityContainment.Commands.Support;
using IdentityContainment.Detection;

namespace IdentityContainment.Commands;

/// <summary>
/// Finds the OAuth consents that keep an attacker's app in a mailbox after the password is reset: the users' delegated
/// grants, the tenant-wide grants, the apps they are assigned to, or (-All) every grant and application permission of
/// the tenant, each judged by the OAuth rule table.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SuspiciousOAuthGrant", DefaultParameterSetName = UserSet)]
[OutputType(typeof(OAuthGrantFinding))]
public sealed class GetSuspiciousOAuthGrantCommand : UserPipelineCmdlet
{
    private const string TenantSet = "All";

    private OAuthGrantHunt? _hunt;

    /// <summary>Every delegated grant and every application permission of the tenant, instead of named users.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TenantSet)]
    public SwitchParameter All { get; set; }

    /// <summary>When the compromise began: consents given since then are read from the directory audit log and weigh more.</summary>
    [Parameter]
    [PointInTimeTransformation]
    public DateTime? Since { get; set; }

    /// <summary>Report grants to Microsoft's own apps too.</summary>
    [Parameter]
    public SwitchParameter IncludeFirstParty { get; set; }

    /// <summary>App ids the organisation trusts: never reported.</summary>
    [Parameter]
    [ValidateNotNull]
    public string[] ExcludeAppId { get; set; } = Array.Empty<string>();

    /// <summary>The lowest risk reported: Low (any rule fired), Medium or High.</summary>
    [Parameter]
    [ValidateSet("Low", "Medium", "High")]
    public string MinimumRisk { get; set; } = nameof(RiskLevel.Low);

    private protected override string ProgressActivity => All ? "Reading the tenant's consent grants" : "Reading users' consent grants";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _hunt = new OAuthGrantHunt(Connection, new OAuthHuntOptions
        {
            Since = Since is { } since ? new DateTimeOffset(since.ToUniversalTime(), TimeSpan.Zero) : null,
            IncludeFirstParty = IncludeFirstParty,
            ExcludeAppIds = ExcludeAppId,
            MinimumRisk = (RiskLevel)Enum.Parse(typeof(RiskLevel), MinimumRisk),
        });
    }

    protected override void EndProcessing()
    {
        if (All)
        {
            ScanTenant();
        }

        base.EndProcessing();
    }

    private protected override async Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var sink = new BridgeSink<OAuthGrantFinding>(this, Bridge);
        IReadOnlyList<ContainmentUser> users = await Reader.FindAsync(userIds, sink, cancellationToken).ConfigureAwait(false);
        await _hunt!.HuntUsersAsync(users, sink, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tenant-wide read, findings written as each page is judged, and a count of grants read as progress.</summary>
    private void ScanTenant()
    {
        var sink = new BridgeSink<OAuthGrantFinding>(this, Bridge);
        Bridge.Start(
            () => _hunt!.HuntTenantAsync(
                sink,
                read => Bridge.Post(() => WriteProgress(new ProgressRecord(MyInvocation.PipelinePosition, ProgressActivity, $"{read} grant(s) read"))),
                StopToken),
            StopToken);
        WaitForWork();
        WriteProgress(new ProgressRecord(MyInvocation.PipelinePosition, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
