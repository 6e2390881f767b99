using System.Collections.Concurrent;
using System.Management.Automation;
using IdentityContainment.Commands.Support;
using IdentityContainment.Detection;
using IdentityContainment.Detection.SignIns;
using IdentityContainment.Errors;
using IdentityContainment.SignIns;
using IdentityContainment.Users;

namespace IdentityContainment.Commands;

/// <summary>
/// Reads the users' sign-in logs for a window (the last 7 days by default, with up to 14 days before it as each user's
/// baseline) and judges every sign-in by the sign-in rule table: impossible travel, token replay, phishing-proxy and
/// device-code patterns, legacy and tooling clients, new IPs and countries, spray and MFA fatigue, sign-ins after the
/// sessions were revoked. -Summary gives each user's earliest suspicious sign-in: when the compromise began.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SuspiciousSignIn", DefaultParameterSetName = UserSet)]
[OutputType(typeof(SignInFinding))]
public sealed class GetSuspiciousSignInCommand : UserPipelineCmdlet
{
    private readonly ConcurrentDictionary<string, ContainmentUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private SignInWindow? _window;

    /// <summary>The first sign-in judged (when the compromise began); default 7 days before -Until.</summary>
    [Parameter]
    [PointInTimeTransformation]
    public DateTime? Since { get; set; }

    /// <summary>The last sign-in judged; default now.</summary>
    [Parameter]
    [PointInTimeTransformation]
    public DateTime? Until { get; set; }

    /// <summary>Also the sign-ins no rule fired on (RiskLevel None): the user's whole window.</summary>
    [Parameter]
    public SwitchParameter IncludeNonSuspicious { get; set; }

    /// <summary>The lowest risk reported: Low (any rule fired), Medium or High.</summary>
    [Parameter]
    [ValidateSet("Low", "Medium", "High")]
    public string MinimumRisk { get; set; } = nameof(RiskLevel.Low);

    /// <summary>Per user only the earliest sign-in at Medium or above (or at -MinimumRisk when higher): the compromise's start.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    private protected override string ProgressActivity => "Reading users' sign-in logs";

    private RiskLevel Minimum => (RiskLevel)Enum.Parse(typeof(RiskLevel), MinimumRisk);

    protected override void BeginProcessing()
    {
        try
        {
            _window = SignInWindow.For(Utc(Since), Utc(Until), DateTimeOffset.UtcNow);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(new ContainmentException(ContainmentErrorKind.InvalidArgument, "SignInWindowReversed", ex.Message, Until)));
        }

        base.BeginProcessing();
        if (_window!.Warning is { } warning)
        {
            WriteWarning(warning);
        }
    }

    /// <summary>Looks the batch's users up (ids for the log's filter, revocation times for the rules) and keeps them for the hunt.</summary>
    private protected override async Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var sink = new BridgeSink<SignInFinding>(this, Bridge);
        foreach (UserLookup lookup in await Reader.LookUpAsync(userIds, cancellationToken).ConfigureAwait(false))
        {
            if (lookup.User is { } user)
            {
                _users.TryAdd(user.Id, user);
            }
            else
            {
                sink.Failed(lookup.Failure(Graph.GraphOperation.ReadUser));
            }
        }
    }

    /// <summary>
    /// Once every user is known, the hunt reads their logs in the shape that needs fewer requests (a query per user, or
    /// one over the time range for all of them) and writes each user's findings as their log is judged.
    /// </summary>
    private protected override async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_users.IsEmpty)
        {
            return;
        }

        var sink = new BridgeSink<SignInFinding>(this, Bridge);
        var options = new SignInHuntOptions
        {
            IncludeNonSuspicious = IncludeNonSuspicious && !Summary,
            MinimumRisk = Summary ? (RiskLevel)Math.Max((int)RiskLevel.Medium, (int)Minimum) : Minimum,
            ShapeChosen = choice => Bridge.Post(() => WriteVerbose(choice.Reason)),
        };
        ContainmentUser[] users = _users.Values.ToArray();
        int judged = 0;
        await foreach (UserSignInVerdict verdict in SignInHunt.JudgeEachAsync(Connection, users, _window!, cancellationToken, options).ConfigureAwait(false))
        {
            judged++;
            string name = verdict.User.UserPrincipalName ?? verdict.User.Id;
            if (verdict.Error is { } error)
            {
                if (error.ErrorId == "SignInLogNeedsPremiumLicence")
                {
                    // The licence is the tenant's: every other user's log would be refused the same way, so one error stops the run.
                    Bridge.Post(() => ThrowTerminatingError(ErrorRecords.From(error)));
                    return;
                }

                sink.Failed(error);
            }
            else if (Summary)
            {
                WriteSummary(sink, verdict, name, options.MinimumRisk);
            }
            else
            {
                foreach (SignInFinding finding in verdict.Findings)
                {
                    sink.Succeeded(finding);
                }
            }

            int done = judged;
            Bridge.Post(() => WriteProgress(new ProgressRecord(MyInvocation.PipelinePosition, ProgressActivity, $"{done} of {users.Length} user(s) judged")
            {
                PercentComplete = Math.Min(100, done * 100 / users.Length),
            }));
        }
    }

    private void WriteSummary(BridgeSink<SignInFinding> sink, UserSignInVerdict verdict, string name, RiskLevel minimum)
    {
        if (SignInSummary.EarliestPerUser(verdict.Findings, minimum).FirstOrDefault() is { } start)
        {
            sink.Succeeded(start);
            return;
        }

        string range = $"{_window!.Start.UtcDateTime:yyyy-MM-dd HH:mm} to {_window.End.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
        Bridge.Post(() => WriteVerbose($"No sign-in of {name} at {minimum} risk or above from {range}: nothing marks a compromise start."));
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero) : null;
}
