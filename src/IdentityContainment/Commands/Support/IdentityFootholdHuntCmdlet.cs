using System.Management.Automation;
using IdentityContainment.Detection;
using IdentityContainment.Pipeline;
using IdentityContainment.SignIns;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// What Get-SuspiciousAuthenticationMethod and Get-SuspiciousDevice share: users from the pipeline, the compromise
/// start (-Since), the sign-ins Get-SuspiciousSignIn flagged (-SuspiciousSignIn, live or re-imported; what cannot be
/// read is a warning), which findings to write (-MinimumRisk, -IncludeNonSuspicious), and each batch's users looked up
/// (an unknown one is an error of its own) before the hunt reads and judges them.
/// </summary>
public abstract class IdentityFootholdHuntCmdlet<TFinding> : UserPipelineCmdlet
{
    /// <summary>When the compromise began: what was registered since then weighs as the attacker's.</summary>
    [Parameter]
    [PointInTimeTransformation]
    public DateTime? Since { get; set; }

    /// <summary>Output of Get-SuspiciousSignIn, live or re-imported; nothing (a quiet user's) is allowed.</summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject?[]? SuspiciousSignIn { get; set; }

    /// <summary>The lowest risk reported: Low (any rule fired), Medium or High.</summary>
    [Parameter]
    [ValidateSet("Low", "Medium", "High")]
    public string MinimumRisk { get; set; } = nameof(RiskLevel.Low);

    /// <summary>Also report what no rule flags, as RiskLevel None: the user's own.</summary>
    [Parameter]
    public SwitchParameter IncludeNonSuspicious { get; set; }

    /// <summary>-Since as an instant.</summary>
    private protected DateTimeOffset? SinceUtc => Since is { } since ? new DateTimeOffset(since.ToUniversalTime(), TimeSpan.Zero) : null;

    private protected RiskLevel MinimumLevel => (RiskLevel)Enum.Parse(typeof(RiskLevel), MinimumRisk);

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        SignInFindingInputResult signIns = SignInFindingInput.Read(SuspiciousSignIn);
        foreach (string problem in signIns.Problems)
        {
            WriteWarning(problem);
        }

        StartHunt(signIns);
    }

    /// <summary>Sets up the run's hunt from the parameters and the flagged sign-ins.</summary>
    private protected abstract void StartHunt(SignInFindingInputResult signIns);

    /// <summary>Reads and judges the users found, writing to <paramref name="results"/>.</summary>
    private protected abstract Task HuntAsync(IReadOnlyList<ContainmentUser> users, IResultSink<TFinding> results, CancellationToken cancellationToken);

    private protected override async Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var sink = new BridgeSink<TFinding>(this, Bridge);
        IReadOnlyList<ContainmentUser> users = await Reader.FindAsync(userIds, sink, cancellationToken).ConfigureAwait(false);
        await HuntAsync(users, sink, cancellationToken).ConfigureAwait(false);
    }
}
