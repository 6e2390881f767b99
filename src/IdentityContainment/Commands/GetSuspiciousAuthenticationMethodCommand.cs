using System.Management.Automation;
using IdentityContainment.AuthenticationMethods;
using IdentityContainment.Commands.Support;
using IdentityContainment.Detection;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.SignIns;

namespace IdentityContainment.Commands;

/// <summary>
/// Finds the authentication methods an attacker can pass MFA or self-service reset with after the password is reset:
/// every method of each user (the polymorphic list, kinds the module does not know included), judged by the method
/// rule table against the compromise start and the sign-ins the sign-in analysis flagged.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SuspiciousAuthenticationMethod", DefaultParameterSetName = UserSet)]
[OutputType(typeof(AuthenticationMethodFinding))]
public sealed class GetSuspiciousAuthenticationMethodCommand : UserPipelineCmdlet
{
    private AuthenticationMethodHunt? _hunt;

    /// <summary>When the compromise began: methods registered from then on are High.</summary>
    [Parameter]
    [PointInTimeTransformation]
    public DateTime? Since { get; set; }

    /// <summary>Findings of Get-SuspiciousSignIn, live or re-imported: methods registered within such a sign-in's session are flagged.</summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject?[]? SuspiciousSignIn { get; set; }

    /// <summary>The lowest risk reported: Low (any rule fired), Medium or High. Methods of a kind the module does not know are always reported.</summary>
    [Parameter]
    [ValidateSet("Low", "Medium", "High")]
    public string MinimumRisk { get; set; } = nameof(RiskLevel.Low);

    /// <summary>Also report the methods no rule flags (RiskLevel None): the user's own.</summary>
    [Parameter]
    public SwitchParameter IncludeNonSuspicious { get; set; }

    private protected override string ProgressActivity => "Reading users' authentication methods";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        SignInFindingInputResult signIns = SignInFindingInput.Read(SuspiciousSignIn);
        foreach (string problem in signIns.Problems)
        {
            WriteWarning(problem);
        }

        _hunt = new AuthenticationMethodHunt(Connection, new MethodHuntOptions
        {
            Criteria = new MethodReviewCriteria
            {
                Since = Since is { } since ? new DateTimeOffset(since.ToUniversalTime(), TimeSpan.Zero) : null,
                SuspiciousSignIns = signIns.Flagged(),
            },
            MinimumRisk = (RiskLevel)Enum.Parse(typeof(RiskLevel), MinimumRisk),
            IncludeNonSuspicious = IncludeNonSuspicious,
        });
    }

    private protected override async Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var sink = new BridgeSink<AuthenticationMethodFinding>(this, Bridge);
        IReadOnlyList<ContainmentUser> users = await Reader.FindAsync(userIds, sink, cancellationToken).ConfigureAwait(false);
        await _hunt!.HuntUsersAsync(users, sink, cancellationToken).ConfigureAwait(false);
    }
}
