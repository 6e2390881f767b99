using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Evidence;
using IdentityContainment.Graph;
using IdentityContainment.Passwords;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Containment;

/// <summary>
/// Changes the lock after the sessions are cut: reads each user, revokes first where sessions were not revoked
/// recently, then sets a new random temporary password that must be changed at next sign-in. Reads go through the
/// shared <see cref="UserReader"/>; what to do and report is <see cref="PasswordResetDecision"/>'s; the reset is one
/// JSON batch for up to 20 users (<see cref="PasswordResetWrite"/>), a synchronized user's goes on through
/// <see cref="PasswordWriteback"/>, and the password to a <see cref="PasswordVault"/> when there is one.
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

    /// <summary>
    /// Reports a PasswordReset per user, and a ContainmentAction for each revocation it had to do first; each reaches the
    /// connection's journal once, without the password.
    /// </summary>
    public async Task ResetAsync(IReadOnlyList<string> userIds, IResultSink<object> results, CancellationToken cancellationToken)
    {
        IReadOnlyList<UserLookup> lookups = await _reader.LookUpAsync(userIds, cancellationToken).ConfigureAwait(false);
        (IReadOnlyList<ContainmentUser> users, RecordedResults<object> refused) = PasswordResetDecision.Admit(lookups, _options);
        refused.WriteTo(results);

        // The revoker journals its own actions: it is handed the plain sink, the resets go through the journaled one.
        Dictionary<string, DateTimeOffset?> revokedAt = await RevokeFirstAsync(users, results, cancellationToken).ConfigureAwait(false);
        await SetPasswordsAsync(users, revokedAt, JournaledResults<object>.Around(results, _connection.Journal), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, DateTimeOffset?>> RevokeFirstAsync(IReadOnlyList<ContainmentUser> users, IResultSink<object> results, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> stale = PasswordResetDecision.NeedRevocation(users, DateTimeOffset.UtcNow, _options);
        var revocations = new CollectingSink<ContainmentAction>(results);
        if (stale.Count > 0)
        {
            await new SessionRevoker(_connection, _reader, new RevocationOptions()).RevokeAsync(stale, revocations, cancellationToken).ConfigureAwait(false);
        }

        return PasswordResetDecision.SessionsRevokedAt(users, revocations.Collected);
    }

    private async Task SetPasswordsAsync(IReadOnlyList<ContainmentUser> users, Dictionary<string, DateTimeOffset?> revokedAt, IResultSink<object> results, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return;
        }

        var passwords = new char[users.Count][];
        try
        {
            for (int i = 0; i < users.Count; i++)
            {
                ContainmentUser user = users[i];
                passwords[i] = TemporaryPasswordGenerator.Generate(_options.Length, TemporaryPasswordGenerator.NamePartsOf(user.UserPrincipalName, user.DisplayName, user.Mail));
            }

            (IReadOnlyList<GraphBatchResult> answers, DateTimeOffset answeredAt) = await new PasswordResetWrite(_connection).SendAsync(users, passwords, _options, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < users.Count; i++)
            {
                ContainmentUser user = users[i];
                var outcome = new PasswordResetOutcome(answers[i].IsSuccess ? ContainmentActionStatus.Succeeded : ContainmentActionStatus.Failed, answers[i].RequestId, null, answeredAt);
                if (PasswordResetDecision.GoesThroughWriteback(answers[i], user, _connection.Context))
                {
                    (string status, string? requestId, string? message) = await WriteBackAsync(user, passwords[i], results, cancellationToken).ConfigureAwait(false);
                    answeredAt = DateTimeOffset.UtcNow;
                    outcome = new PasswordResetOutcome(status, requestId, message, answeredAt);
                }
                else if (!answers[i].IsSuccess)
                {
                    outcome = outcome with { Message = results.FailedWith(PasswordResetDecision.Explain(answers[i], user, revokedAt[user.Id], DateTimeOffset.UtcNow, _options, _connection.Context)) };
                }

                if (outcome.PasswordSet && _options.Vault is { } vault)
                {
                    (string? secretUri, string? storeMessage) = await StoreAsync(vault, user, passwords[i], results, cancellationToken).ConfigureAwait(false);
                    outcome = outcome with { SecretUri = secretUri, Message = storeMessage ?? outcome.Message };
                }

                results.Succeeded(PasswordResetDecision.Row(user, passwords[i], outcome, revokedAt[user.Id], _options));
                if (PasswordResetDecision.GuestWarning(user, outcome.PasswordSet) is { } guest)
                {
                    results.Warn(guest);
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

}
