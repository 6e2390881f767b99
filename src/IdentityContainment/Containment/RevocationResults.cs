using IdentityContainment.Errors;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Containment;

/// <summary>
/// How a revocation run reports each user's steps: the action with its read-back evidence, the write a lagging
/// directory does not show yet, the own account set aside, and Graph's refusals in terms of what the operator does next.
/// </summary>
internal sealed class RevocationResults
{
    private readonly IResultSink<ContainmentAction> _results;
    private readonly ContainmentContext _context;

    public RevocationResults(IResultSink<ContainmentAction> results, ContainmentContext context)
    {
        _results = results;
        _context = context;
    }

    /// <summary>A step Graph answered: Succeeded with the evidence read back, or Failed with the explained error.</summary>
    public void Answered(string action, string input, ContainmentUser? state, GraphBatchResult answer, DateTimeOffset answeredAt, GraphOperation operation, string? note = null)
    {
        string? message = answer.IsSuccess ? note : _results.FailedWith(Explain(answer, operation, input, state));

        _results.Succeeded(new ContainmentAction
        {
            UserId = state?.Id ?? input,
            UserPrincipalName = state?.UserPrincipalName ?? (input.Contains('@') ? input : null),
            Action = action,
            Target = state?.Id ?? input,
            Status = answer.IsSuccess ? ContainmentActionStatus.Succeeded : ContainmentActionStatus.Failed,
            Timestamp = answeredAt,
            SignInSessionsValidFromDateTime = action == ContainmentActions.RevokeSessions && answer.IsSuccess ? state?.SignInSessionsValidFromDateTime : null,
            AccountEnabled = action == ContainmentActions.DisableAccount ? state?.AccountEnabled : null,
            RequestId = answer.RequestId,
            Message = message,
        });
    }

    /// <summary>
    /// Graph accepted the write, but no read has shown it yet (replication lag): reported as Pending without evidence
    /// values, with what to check, never as Succeeded.
    /// </summary>
    public void Unconfirmed(string action, ContainmentUser state, GraphBatchResult answer, DateTimeOffset answeredAt, string whatWasRead)
    {
        string who = state.UserPrincipalName ?? state.Id;
        _results.Warn($"{action} {who}: Graph accepted it, but {whatWasRead}. That is directory replication lag; it is not yet evidence.");
        _results.Succeeded(new ContainmentAction
        {
            UserId = state.Id,
            UserPrincipalName = state.UserPrincipalName,
            Action = action,
            Target = state.Id,
            Status = ContainmentActionStatus.Pending,
            Timestamp = answeredAt,
            RequestId = answer.RequestId,
            Message = $"Accepted by Graph but not yet confirmed: {whatWasRead} (replication lag). Check it in a few minutes with Get-ContainmentUser {who}; repeating the action is also safe.",
        });
    }

    /// <summary>A synced account disabled in the cloud stays disabled only until a sync cycle copies the AD value back.</summary>
    public string SyncedDisableWarning(ContainmentUser state)
    {
        string who = state.UserPrincipalName ?? state.Id;
        string advice = $"{who} is synchronized from on-premises Active Directory: Entra ID disabled it, but the next sync cycle enables it again while the AD account is enabled. Disable the account in on-premises AD as well.";
        _results.Warn(advice);
        return advice;
    }

    public void OwnAccountSkipped(OwnAccountGuard guard, string input, ContainmentUser? user)
    {
        _results.Failed(guard.Refusal(input));
        _results.Succeeded(new ContainmentAction
        {
            UserId = user?.Id ?? input,
            UserPrincipalName = user?.UserPrincipalName,
            Action = ContainmentActions.RevokeSessions,
            Target = input,
            Status = ContainmentActionStatus.Skipped,
            Timestamp = DateTimeOffset.UtcNow,
            Message = "The operator's own account; use -Force to include it.",
        });
    }

    private ContainmentException Explain(GraphBatchResult answer, GraphOperation operation, string input, ContainmentUser? state)
    {
        if (operation == GraphOperation.DisableAccount && answer.Status == 400 && state?.OnPremisesSyncEnabled == true)
        {
            return new ContainmentException(
                ContainmentErrorKind.NotSupported,
                "SyncedAccountDisableRefused",
                $"{state.UserPrincipalName} is synchronized from on-premises Active Directory, so Entra ID refuses to disable it in the cloud. Disable the account in on-premises AD (it then syncs); the sessions were still revoked. Graph said: {answer.Error.Message}",
                input)
            { RequestId = answer.RequestId };
        }

        if (operation == GraphOperation.DisableAccount && answer.Status == 403 && _context.PermissionType == "Application"
            && AppOnlyRefusals.Disable(_context, state?.UserPrincipalName ?? input, state?.Id ?? input, answer) is { } refusal)
        {
            return refusal;
        }

        return GraphErrorTranslator.Translate(answer.Error, operation, input);
    }
}
