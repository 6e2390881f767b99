using System.Management.Automation;
using IdentityContainment.Commands.Support;
using IdentityContainment.Containment;
using IdentityContainment.Errors;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Commands;

/// <summary>
/// Ends compromised users' sign-in sessions and refresh tokens (optionally disabling the accounts first) and reads back
/// the moment from which sessions are valid again, as evidence.
/// </summary>
[Cmdlet(VerbsSecurity.Revoke, "CompromisedSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ContainmentAction), typeof(ContainmentSummary))]
public sealed class RevokeCompromisedSessionCommand : UserPipelineCmdlet
{
    private readonly OncePerUser _reportedUsers = new();
    private CompromiseConfirmer? _confirmer;

    /// <summary>Disable each account before revoking, so nobody can start a new session in between.</summary>
    [Parameter]
    public SwitchParameter DisableAccount { get; set; }

    /// <summary>Mark the users confirmed compromised in Identity Protection.</summary>
    [Parameter]
    public SwitchParameter ConfirmCompromised { get; set; }

    /// <summary>Disable the devices registered to the users since -Since.</summary>
    [Parameter]
    public SwitchParameter DisableDevice { get; set; }

    /// <summary>When the compromise began: devices registered from then on are disabled with -DisableDevice.</summary>
    [Parameter]
    [PointInTimeTransformation]
    public DateTime? Since { get; set; }

    /// <summary>
    /// Seconds to keep reading back a user whose read does not show the revocation yet (directory replication lag);
    /// what still lags then is reported as Pending, not as evidence.
    /// </summary>
    [Parameter]
    [ValidateRange(0, 600)]
    public int ReadBackTimeoutSec { get; set; } = (int)RevocationOptions.DefaultReadBackTimeout.TotalSeconds;

    /// <summary>Also act on the signed-in operator's own account.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>End with one ContainmentSummary: users, results per action and status, errors.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    private protected override string ProgressActivity => DisableAccount ? "Disabling accounts and revoking sessions" : "Revoking sessions";

    private protected override bool WantsSummary => Summary;

    protected override void BeginProcessing()
    {
        if (DisableDevice && Since is null)
        {
            // Without a start time every device would go, the user's own laptop included.
            ThrowTerminatingError(ErrorRecords.From(new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "SinceRequired",
                "-DisableDevice needs -Since, the moment the compromise began: devices registered from then on are disabled, the user's older devices are left alone. For example -Since (Get-Date).AddDays(-3).")));
        }

        base.BeginProcessing();
        if (ConfirmCompromised)
        {
            // One per run: it gathers the users of every batch into few Identity Protection calls.
            _confirmer = new CompromiseConfirmer(Connection);
        }
    }

    private protected override bool Admit(string userId)
    {
        string action = (DisableAccount ? "Disable the account and revoke all sign-in sessions" : "Revoke all sign-in sessions and refresh tokens")
            + (ConfirmCompromised ? ", confirm compromised" : string.Empty)
            + (DisableDevice ? $", disable devices registered since {Since!.Value.ToUniversalTime():u}" : string.Empty);
        return ShouldProcessWithImpact(TargetName(userId, highImpact: DisableAccount), action, highImpact: DisableAccount);
    }

    private protected override Task FinishAsync(CancellationToken cancellationToken) =>
        _confirmer?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    private protected override Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
        new SessionRevoker(Connection, Reader, new RevocationOptions
        {
            DisableAccount = DisableAccount,
            ConfirmCompromised = _confirmer,
            DisableDevicesRegisteredSince = DisableDevice ? new DateTimeOffset(Since!.Value.ToUniversalTime(), TimeSpan.Zero) : null,
            ReadBackTimeout = TimeSpan.FromSeconds(ReadBackTimeoutSec),
            OwnAccount = OwnAccountGuard.For(Connection.Context, Force, DisableAccount ? "disabling it and revoking its sessions" : "revoking its sessions"),
            ReportedUsers = _reportedUsers,
        })
            .RevokeAsync(userIds, new BridgeSink<ContainmentAction>(this, Bridge), cancellationToken);
}
