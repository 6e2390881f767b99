using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Containment;

/// <summary>
/// The decisions of a revocation, pure, from Graph's answers and the users read back: who is revoked after the disable,
/// whether a read-back shows the writes, the rows and warnings to report, and who goes on to be confirmed compromised
/// and have their devices disabled. Verification asks <see cref="ShowsWrites"/> of users it reads without writing.
/// </summary>
internal static class RevocationDecision
{
    /// <summary>
    /// After the disable batch: a user Graph does not have (404) is reported and not revoked. The others come back with
    /// the answer to their disable (null when none was asked for), in input order.
    /// </summary>
    public static (IReadOnlyList<string> ToRevoke, IReadOnlyList<GraphBatchResult?> Disabled, RecordedResults<ContainmentAction> Report) AfterDisable(
        IReadOnlyList<string> userIds,
        IReadOnlyList<GraphBatchResult>? disableAnswers)
    {
        var report = new RecordedResults<ContainmentAction>();
        var toRevoke = new List<string>();
        var disabled = new List<GraphBatchResult?>();
        for (int i = 0; i < userIds.Count; i++)
        {
            if (disableAnswers?[i].Status == 404)
            {
                report.Failed(GraphErrorTranslator.Translate(disableAnswers[i].Error, GraphOperation.DisableAccount, userIds[i]));
                continue;
            }

            toRevoke.Add(userIds[i]);
            disabled.Add(disableAnswers?[i]);
        }

        return (toRevoke, disabled, report);
    }

    /// <summary>True when the read shows every write Graph accepted for the user (a failed write has nothing to show).</summary>
    public static bool ShowsWrites(ContainmentUser user, GraphBatchResult revoke, GraphBatchResult? disable, DateTimeOffset sentAt) =>
        (!revoke.IsSuccess || ReadBackEvidence.ShowsRevocation(user, sentAt)) && (disable?.IsSuccess != true || user.AccountEnabled == false);

    /// <summary>The rows, errors and warnings for each user's disable and revocation, in input order.</summary>
    public static RecordedResults<ContainmentAction> Report(IReadOnlyList<UserRevocation> users, SentRevocation sent, RevocationOptions options, ContainmentContext context)
    {
        var recorded = new RecordedResults<ContainmentAction>();
        var report = new RevocationResults(recorded, context);
        foreach (UserRevocation user in users)
        {
            if (!user.ReportedBefore)
            {
                ReportOne(user, sent, options, report, recorded);
            }
        }

        return recorded;
    }

    /// <summary>
    /// The users whose revocation Graph accepted and who were read back, reported by this call: the ones to confirm
    /// compromised and whose devices to disable.
    /// </summary>
    public static IReadOnlyList<ContainmentUser> Contained(IReadOnlyList<UserRevocation> users) =>
        users.Where(u => u.ReadBack.User is not null && u.Revoke.IsSuccess && !u.ReportedBefore).Select(u => u.ReadBack.User!).ToList();

    private static void ReportOne(UserRevocation user, SentRevocation sent, RevocationOptions options, RevocationResults report, IResultSink<ContainmentAction> results)
    {
        string input = user.Input;
        ContainmentUser? state = user.ReadBack.User;
        GraphBatchResult revoke = user.Revoke;
        string readBackFor = $"after {options.ReadBackTimeout.TotalSeconds:0} s of reading back";
        if (user.Disable is { } disable)
        {
            if (disable.IsSuccess && state?.AccountEnabled == true)
            {
                report.Unconfirmed(ContainmentActions.DisableAccount, state, disable, sent.AnsweredAt, $"the directory still shows the account enabled (accountEnabled true) {readBackFor}");
            }
            else
            {
                report.Answered(ContainmentActions.DisableAccount, input, state, disable, sent.AnsweredAt, GraphOperation.DisableAccount, disable.IsSuccess && state?.OnPremisesSyncEnabled == true ? report.SyncedDisableWarning(state) : null);
            }
        }

        if (revoke.Status == 404)
        {
            if (user.Disable is null)
            {
                results.Failed(GraphErrorTranslator.Translate(revoke.Error, GraphOperation.RevokeSessions, input));
            }

            return;
        }

        string? note = null;
        if (revoke.IsSuccess && user.ReadBack.ReadFailed)
        {
            results.Failed(user.ReadBack.Failure(GraphOperation.ReadUser));
            note = "Revoked, but reading the user back failed, so there is no evidence time: check it with Get-ContainmentUser."
                + (options.ConfirmCompromised is not null || options.DisableDevicesRegisteredSince is not null ? " -ConfirmCompromised and -DisableDevice were not done for this user; run them again for it." : string.Empty);
        }

        if (revoke.IsSuccess && state is not null && !ReadBackEvidence.ShowsRevocation(state, sent.SentAt))
        {
            string shown = state.SignInSessionsValidFromDateTime is { } old ? $"sessions valid from {old.ToUniversalTime():u}" : "no revocation time at all";
            report.Unconfirmed(ContainmentActions.RevokeSessions, state, revoke, sent.AnsweredAt, $"the directory still shows {shown}, before the revocation was sent at {sent.SentAt.ToUniversalTime():u}, {readBackFor}");
        }
        else
        {
            report.Answered(ContainmentActions.RevokeSessions, input, state, revoke, sent.AnsweredAt, GraphOperation.RevokeSessions, note);
        }

        if (revoke.IsSuccess && state?.UserType == "Guest")
        {
            results.Warn(user.Disable?.IsSuccess == true
                ? $"{state.UserPrincipalName} is a guest: the account is disabled here, but the stolen session lives in their home tenant. Tell their home organization to contain it before you enable the guest again."
                : $"{state.UserPrincipalName} is a guest: revoking ends their sessions in this tenant only, not in their home tenant, where the stolen session lives. Disable the guest account (-DisableAccount) or remove the guest until their home organization has contained it.");
        }
    }
}
