using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Graph;
using IdentityContainment.Passwords;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Containment;

/// <summary>
/// Changes the lock after the sessions are cut: reads each user, revokes first where sessions were not revoked
/// recently, then sets a new random temporary password that must be changed at next sign-in. One JSON batch per write
/// step for up to 20 users; reads go through the shared <see cref="UserReader"/>.
/// </summary>
public sealed class PasswordResetter
{
    private readonly GraphConnection _connection;
    private readonly UserReader _reader;
    private readonly PasswordResetOptions _options;

    public PasswordResetter(GraphConnection connection, UserReader reader, PasswordResetOptions options)
    {
        _connection = connection;
        _reader = reader;
        _options = options;
    }

    /// <summary>Reports a PasswordReset per user, and a ContainmentAction for each revocation it had to do first.</summary>
    public async Task ResetAsync(IReadOnlyList<string> userIds, IResultSink<object> results, CancellationToken cancellationToken)
    {
        var found = new List<ContainmentUser>();
        foreach (UserLookup lookup in await _reader.LookUpAsync(userIds, cancellationToken).ConfigureAwait(false))
        {
            if (lookup.User is null)
            {
                results.Failed(lookup.Failure(GraphOperation.ResetPassword));
            }
            else if (_options.OwnAccount is { } guard && guard.IsOwn(lookup.User.Id))
            {
                results.Failed(guard.Refusal(lookup.Input));
            }
            else if (_options.ResetUsers.Claim(lookup.User.Id))
            {
                found.Add(lookup.User);
            }
        }

        Dictionary<string, DateTimeOffset?> revokedAt = await RevokeFirstAsync(found, results, cancellationToken).ConfigureAwait(false);
        await SetPasswordsAsync(found, revokedAt, results, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revoke first, reset later: a new password does not end a session that is already open.</summary>
    private async Task<Dictionary<string, DateTimeOffset?>> RevokeFirstAsync(IReadOnlyList<ContainmentUser> users, IResultSink<object> results, CancellationToken cancellationToken)
    {
        DateTimeOffset recent = DateTimeOffset.UtcNow - _options.RevokedWithin;
        var revokedAt = users.ToDictionary(u => u.Id, u => u.SignInSessionsValidFromDateTime, StringComparer.OrdinalIgnoreCase);
        List<string> stale = _options.SkipRevocation
            ? new List<string>()
            : users.Where(u => u.SignInSessionsValidFromDateTime is not { } from || from < recent).Select(u => u.Id).ToList();
        if (stale.Count == 0)
        {
            return revokedAt;
        }

        var revocations = new CollectingSink<ContainmentAction>(results);
        await new SessionRevoker(_connection, _reader, new RevocationOptions()).RevokeAsync(stale, revocations, cancellationToken).ConfigureAwait(false);
        foreach (ContainmentAction action in revocations.Collected)
        {
            revokedAt[action.UserId] = action.Status == ContainmentActionStatus.Succeeded ? action.SignInSessionsValidFromDateTime : revokedAt[action.UserId];
        }

        return revokedAt;
    }

    private async Task SetPasswordsAsync(IReadOnlyList<ContainmentUser> users, Dictionary<string, DateTimeOffset?> revokedAt, IResultSink<object> results, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return;
        }

        var passwords = new char[users.Count][];
        var patches = new GraphBatchItem[users.Count];
        try
        {
            for (int i = 0; i < users.Count; i++)
            {
                ContainmentUser user = users[i];
                passwords[i] = TemporaryPasswordGenerator.Generate(_options.Length, TemporaryPasswordGenerator.NamePartsOf(user.UserPrincipalName, user.DisplayName, user.Mail));
                var profile = new JsonObject
                {
                    ["password"] = new string(passwords[i]),
                    ["forceChangePasswordNextSignIn"] = _options.ForceChangePasswordNextSignIn,
                    ["forceChangePasswordNextSignInWithMfa"] = _options.RequireMfaForChange,
                };

                // Repeatable: a PATCH sent again after a timeout carries the same password, so the one the operator is
                // given is the one Graph holds.
                patches[i] = new GraphBatchItem("PATCH", $"/users/{user.Id}", new JsonObject { ["passwordProfile"] = profile });
            }

            IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendAsync(GraphBatchItem.InOrder(patches), cancellationToken).ConfigureAwait(false);
            DateTimeOffset answeredAt = DateTimeOffset.UtcNow;
            for (int i = 0; i < users.Count; i++)
            {
                ContainmentUser user = users[i];
                string? message = null;
                string status = answers[i].IsSuccess ? ContainmentActionStatus.Succeeded : ContainmentActionStatus.Failed;
                string? requestId = answers[i].RequestId;
                if (!answers[i].IsSuccess && IsSyncedRefusal(answers[i], user) && _connection.Context.PermissionType == "Delegated")
                {
                    // The cloud refuses a synchronized account's password; writeback through the password method does not.
                    (status, requestId, message) = await WriteBackAsync(user, passwords[i], results, cancellationToken).ConfigureAwait(false);
                    answeredAt = DateTimeOffset.UtcNow;
                }
                else if (!answers[i].IsSuccess)
                {
                    message = results.FailedWith(Explain(answers[i], user, revokedAt[user.Id]));
                }

                // A pending writeback sets this password when it completes: the operator needs it as much as a done one.
                bool passwordSet = status != ContainmentActionStatus.Failed;
                string? secretUri = null;
                if (passwordSet && _options.Vault is { } vault)
                {
                    (secretUri, string? storeMessage) = await StoreAsync(vault, user, passwords[i], results, cancellationToken).ConfigureAwait(false);
                    message = storeMessage ?? message;
                }

                results.Succeeded(new PasswordReset
                {
                    UserId = user.Id,
                    UserPrincipalName = user.UserPrincipalName,
                    // The password stays in the output only when no vault holds it: it must never be lost.
                    TemporaryPassword = passwordSet && secretUri is null ? SecureStrings.Protect(passwords[i]) : null,
                    SecretUri = secretUri,
                    ForceChangePasswordNextSignIn = _options.ForceChangePasswordNextSignIn,
                    ForceChangePasswordNextSignInWithMfa = _options.RequireMfaForChange,
                    SessionsRevokedAt = revokedAt[user.Id],
                    Timestamp = answeredAt,
                    Status = status,
                    RequestId = requestId,
                    Message = message,
                });
                if (passwordSet && user.UserType == "Guest")
                {
                    results.Warn($"{user.UserPrincipalName} is a guest: they sign in with their home organization's account, so the password set here is not the one the attacker knows. Tell their home organization to reset it and revoke their sessions there, and keep the guest disabled here (Revoke-CompromisedSession -DisableAccount) until they have.");
                }
            }
        }
        finally
        {
            foreach (char[]? password in passwords)
            {
                if (password is not null)
                {
                    Array.Clear(password, 0, password.Length);
                }
            }
        }
    }

    private async Task<(string Status, string? RequestId, string? Message)> WriteBackAsync(ContainmentUser user, char[] password, IResultSink<object> results, CancellationToken cancellationToken)
    {
        try
        {
            WritebackOutcome outcome = await new PasswordWriteback(_connection).ResetAsync(user, password, cancellationToken).ConfigureAwait(false);
            if (outcome.StillRunning is { } operation)
            {
                string pending = $"Password writeback for {user.UserPrincipalName} is not confirmed: {outcome.PendingReason} The password in this result is the one it sets when it completes; check the operation ({operation}) or the user's password in on-premises AD.";
                results.Warn(pending);
                return (ContainmentActionStatus.Pending, outcome.RequestId, pending);
            }

            return (ContainmentActionStatus.Succeeded, outcome.RequestId, "Synchronized account: reset through password writeback to on-premises AD.");
        }
        catch (ContainmentException error)
        {
            return (ContainmentActionStatus.Failed, error.RequestId, results.FailedWith(error));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (ContainmentActionStatus.Failed, null, results.FailedWith(GraphErrorTranslator.Unexpected(ex, GraphOperation.ResetPasswordWriteback, user.UserPrincipalName ?? user.Id)));
        }
    }

    private static async Task<(string? SecretUri, string? Message)> StoreAsync(PasswordVault vault, ContainmentUser user, char[] password, IResultSink<object> results, CancellationToken cancellationToken)
    {
        try
        {
            return (await vault.StoreAsync(user, password, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong (a refusal, the network, a credential that cannot get a vault token), the password
            // Graph now holds must not be lost.
            var error = new ContainmentException(
                ContainmentErrorKind.ServiceError,
                "KeyVaultStoreFailed",
                $"The password of {user.UserPrincipalName} was reset, but Key Vault did not store it ({ex.Message.Split('\n')[0]}). The temporary password is in this result's TemporaryPassword instead; keep it safe.",
                user.Id,
                ex);
            return (null, results.FailedWith(error));
        }
    }

    private static bool IsSyncedRefusal(GraphBatchResult answer, ContainmentUser user) => answer.Status == 400 && user.OnPremisesSyncEnabled == true;

    private ContainmentException Explain(GraphBatchResult answer, ContainmentUser user, DateTimeOffset? sessionsRevokedAt)
    {
        bool revokedRecently = sessionsRevokedAt is { } at && at >= DateTimeOffset.UtcNow - _options.RevokedWithin;
        string sessions = revokedRecently ? "Its sessions were revoked." : "Its sessions were NOT revoked: run Revoke-CompromisedSession for it.";
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

        if (answer.Status == 403 && _connection.Context.PermissionType == "Application")
        {
            return AppOnlyRefusals.PasswordReset(_connection.Context, who, user.Id, answer);
        }

        return GraphErrorTranslator.Translate(answer.Error, GraphOperation.ResetPassword, who);
    }
}
