using System.Management.Automation;
using IdentityContainment.Commands.Support;
using IdentityContainment.Containment;

namespace IdentityContainment.Commands;

/// <summary>
/// Ends compromised users' sign-in sessions and refresh tokens (optionally disabling the accounts first) and reads back
/// the moment from which sessions are valid again, as evidence.
/// </summary>
[Cmdlet(VerbsSecurity.Revoke, "CompromisedSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ContainmentAction))]
public sealed class RevokeCompromisedSessionCommand : UserPipelineCmdlet
{
    /// <summary>Disable each account before revoking, so nobody can start a new session in between.</summary>
    [Parameter]
    public SwitchParameter DisableAccount { get; set; }

    /// <summary>Also act on the signed-in operator's own account.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool Admit(string userId)
    {
        if (RefuseOwnAccount(userId, DisableAccount ? "disabling it and revoking its sessions" : "revoking its sessions", Force))
        {
            WriteObject(new ContainmentAction
            {
                UserId = Connection.Context.AccountId ?? userId,
                UserPrincipalName = Connection.Context.Account,
                Action = ContainmentActions.RevokeSessions,
                Target = userId,
                Status = ContainmentActionStatus.Skipped,
                Timestamp = DateTimeOffset.UtcNow,
                Message = "The operator's own account; use -Force to include it.",
            });
            return false;
        }

        string action = DisableAccount ? "Disable the account and revoke all sign-in sessions" : "Revoke all sign-in sessions and refresh tokens";
        return ShouldProcessWithImpact(userId, action, highImpact: DisableAccount);
    }

    private protected override Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
        new SessionRevoker(Connection, new RevocationOptions { DisableAccount = DisableAccount })
            .RevokeAsync(userIds, new BridgeSink<ContainmentAction>(this, Bridge), cancellationToken);
}
