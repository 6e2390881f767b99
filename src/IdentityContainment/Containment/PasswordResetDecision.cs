using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Containment;

/// <summary>
/// The decisions of a password reset, from the users read and Graph's answers: who is reset, whose sessions are revoked
/// first, whether a refusal goes on through password writeback, how a refusal is explained, and the row to report. No
/// I/O; the one state it touches is the run's record of users already reset.
/// </summary>
internal static class PasswordResetDecision
{
    /// <summary>
    /// The users to reset: each one Graph returned, except the operator's own account and a user already reset in this
    /// run under another name (claimed here in <see cref="PasswordResetOptions.ResetUsers"/>). The rest are reported.
    /// </summary>
    public static (IReadOnlyList<ContainmentUser> ToReset, RecordedResults<object> Report) Admit(IReadOnlyList<UserLookup> lookups, PasswordResetOptions options)
    {
        var report = new RecordedResults<object>();
        var admitted = new List<ContainmentUser>();
        foreach (UserLookup lookup in lookups)
        {
            if (lookup.User is null)
            {
                report.Failed(lookup.Failure(GraphOperation.ResetPassword));
            }
            else if (options.OwnAccount is { } guard && guard.IsOwn(lookup.User.Id))
            {
                report.Failed(guard.Refusal(lookup.Input));
            }
            else if (options.ResetUsers.Claim(lookup.User.Id))
            {
                admitted.Add(lookup.User);
            }
        }

        return (admitted, report);
    }

    /// <summary>
    /// Revoke first, reset later: a new password does not end a session that is already open. The users whose sessions
    /// were not revoked within <see cref="PasswordResetOptions.RevokedWithin"/> of <paramref name="now"/>, unless told to skip.
    /// </summary>
    public static IReadOnlyList<string> NeedRevocation(IReadOnlyList<ContainmentUser> users, DateTimeOffset now, PasswordResetOptions options) =>
        options.SkipRevocation
            ? Array.Empty<string>()
            : users.Where(u => !RevokedRecently(u.SignInSessionsValidFromDateTime, now, options)).Select(u => u.Id).ToList();

    /// <summary>Since when each user's sessions are revoked: as read, or as a successful revocation read back.</summary>
    public static Dictionary<string, DateTimeOffset?> SessionsRevokedAt(IReadOnlyList<ContainmentUser> users, IEnumerable<ContainmentAction> revocations)
    {
        var revokedAt = users.ToDictionary(u => u.Id, u => u.SignInSessionsValidFromDateTime, StringComparer.OrdinalIgnoreCase);
        foreach (ContainmentAction action in revocations)
        {
            revokedAt[action.UserId] = action.Status == ContainmentActionStatus.Succeeded ? action.SignInSessionsValidFromDateTime : revokedAt[action.UserId];
        }

        return revokedAt;
    }

    /// <summary>
    /// The cloud refuses a synchronized account's password; writeback through the password method does not, but Graph
    /// offers it to delegated sign-in only.
    /// </summary>
    public static bool GoesThroughWriteback(GraphBatchResult answer, ContainmentUser user, ContainmentContext context) =>
        !answer.IsSuccess && IsSyncedRefusal(answer, user) && context.PermissionType == "Delegated";

    /// <summary>Graph's refusal of a reset, in terms of what the operator does next.</summary>
    public static ContainmentException Explain(GraphBatchResult answer, ContainmentUser user, DateTimeOffset? sessionsRevokedAt, DateTimeOffset now, PasswordResetOptions options, ContainmentContext context)
    {
        string sessions = RevokedRecently(sessionsRevokedAt, now, options) ? "Its sessions were revoked." : "Its sessions were NOT revoked: run Revoke-CompromisedSession for it.";
        string who = user.UserPrincipalName ?? user.Id;
        if (IsSyncedRefusal(answer, user))
        {
            return new ContainmentException(
                ContainmentErrorKind.NotSupported,
                "SyncedUserPasswordResetRefused",
                $"{who} is synchronized from on-premises Active Directory, so Entra ID refuses a cloud password change. Reset the password in on-premises AD (it then syncs, and with password writeback a delegated reset through authentication methods also works). {sessions} Graph said: {answer.Error.Message}",
                user.Id)
            { RequestId = answer.RequestId };
        }

        if (answer.Status == 403 && context.PermissionType == "Application")
        {
            return AppOnlyRefusals.PasswordReset(context, who, user.Id, answer);
        }

        return GraphErrorTranslator.Translate(answer.Error, GraphOperation.ResetPassword, who);
    }

    /// <summary>
    /// The row for one user. A password that was set (done, or a writeback still running that sets it when it completes)
    /// stays in the row only when no vault holds it: it must never be lost.
    /// </summary>
    public static PasswordReset Row(ContainmentUser user, char[] password, PasswordResetOutcome outcome, DateTimeOffset? sessionsRevokedAt, PasswordResetOptions options) => new()
    {
        UserId = user.Id,
        UserPrincipalName = user.UserPrincipalName,
        TemporaryPassword = outcome.PasswordSet && outcome.SecretUri is null ? SecureStrings.Protect(password) : null,
        SecretUri = outcome.SecretUri,
        ForceChangePasswordNextSignIn = options.ForceChangePasswordNextSignIn,
        ForceChangePasswordNextSignInWithMfa = options.RequireMfaForChange,
        SessionsRevokedAt = sessionsRevokedAt,
        Timestamp = outcome.AnsweredAt,
        Status = outcome.Status,
        RequestId = outcome.RequestId,
        Message = outcome.Message,
    };

    /// <summary>What the operator must do for a guest whose password was set here, or null.</summary>
    public static string? GuestWarning(ContainmentUser user, bool passwordSet) =>
        passwordSet && user.UserType == "Guest"
            ? $"{user.UserPrincipalName} is a guest: they sign in with their home organization's account, so the password set here is not the one the attacker knows. Tell their home organization to reset it and revoke their sessions there, and keep the guest disabled here (Revoke-CompromisedSession -DisableAccount) until they have."
            : null;

    private static bool RevokedRecently(DateTimeOffset? revokedAt, DateTimeOffset now, PasswordResetOptions options) =>
        revokedAt is { } at && at >= now - options.RevokedWithin;

    private static bool IsSyncedRefusal(GraphBatchResult answer, ContainmentUser user) => answer.Status == 400 && user.OnPremisesSyncEnabled == true;
}
