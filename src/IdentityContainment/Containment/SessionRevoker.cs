using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Containment;

/// <summary>
/// Cuts a batch of users' live sessions in Microsoft's emergency order: disable (when asked), revoke, read back
/// signInSessionsValidFromDateTime as the evidence, then (when asked) confirm the users compromised in Identity
/// Protection and disable the devices registered since the compromise. Each write step is one JSON batch for up to 20
/// users; the read-back shares the <see cref="UserReader"/>'s gathered reads. A user that fails a step is reported and
/// the others go on.
/// </summary>
public sealed class SessionRevoker
{
    private readonly GraphConnection _connection;
    private readonly UserReader _reader;
    private readonly RevocationOptions _options;

    public SessionRevoker(GraphConnection connection, UserReader reader, RevocationOptions options)
    {
        _connection = connection;
        _reader = reader;
        _options = options;
    }

    public async Task RevokeAsync(IReadOnlyList<string> userIds, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        var report = new RevocationResults(results, _connection.Context);
        if (_options.OwnAccount is { } guard)
        {
            userIds = await guard.SetAsideOwnAsync(userIds, _reader, (input, user) => report.OwnAccountSkipped(guard, input, user), cancellationToken).ConfigureAwait(false);
        }

        var disabled = new Dictionary<string, GraphBatchResult>(StringComparer.OrdinalIgnoreCase);
        var gone = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (_options.DisableAccount)
        {
            IReadOnlyList<GraphBatchResult> answers = await SendAsync(userIds, id => new GraphBatchItem("PATCH", $"/users{GraphPaths.UserSegment(id)}", new JsonObject { ["accountEnabled"] = false }), cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < userIds.Count; i++)
            {
                disabled[userIds[i]] = answers[i];
                if (answers[i].Status == 404)
                {
                    gone.Add(userIds[i]);
                    results.Failed(GraphErrorTranslator.Translate(answers[i].Error, GraphOperation.DisableAccount, userIds[i]));
                }
            }
        }

        List<string> toRevoke = userIds.Where(id => !gone.Contains(id)).ToList();
        DateTimeOffset sentAt = DateTimeOffset.UtcNow;
        IReadOnlyList<GraphBatchResult> revoked = await SendAsync(toRevoke, id => new GraphBatchItem("POST", $"/users{GraphPaths.UserSegment(id)}/revokeSignInSessions"), cancellationToken).ConfigureAwait(false);
        DateTimeOffset answeredAt = DateTimeOffset.UtcNow;

        // The evidence: what Graph now holds for each user, read after the writes (gathered with other batches' reads),
        // and read again while a lagging replica still shows the user as it was before them.
        IReadOnlyList<UserLookup> states = await _reader.LookUpAsync(toRevoke, cancellationToken).ConfigureAwait(false);
        states = await ReadBackEvidence.AwaitReplicationAsync(
            _reader,
            toRevoke,
            states,
            (i, user) => ShowsWrites(user, revoked[i], disabled.TryGetValue(toRevoke[i], out GraphBatchResult? disable) ? disable : null, sentAt),
            _options.ReadBackTimeout,
            cancellationToken).ConfigureAwait(false);
        bool[] repeated = states.Select(s => s.User is not null && _options.ReportedUsers?.Claim(s.User.Id) == false).ToArray();
        ReportRevocations(toRevoke, states, repeated, disabled, revoked, sentAt, answeredAt, report, results);

        List<ContainmentUser> contained = states.Where((s, i) => s.User is not null && revoked[i].IsSuccess && !repeated[i]).Select(s => s.User!).ToList();
        if (_options.ConfirmCompromised is { } confirmer)
        {
            await confirmer.ConfirmAsync(contained, results, cancellationToken).ConfigureAwait(false);
        }

        if (_options.DisableDevicesRegisteredSince is { } since)
        {
            await new DeviceDisabler(_connection).DisableAsync(contained, since, results, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when the read shows every write Graph accepted for the user (a failed write has nothing to show).</summary>
    private static bool ShowsWrites(ContainmentUser user, GraphBatchResult revoke, GraphBatchResult? disable, DateTimeOffset sentAt) =>
        (!revoke.IsSuccess || ReadBackEvidence.ShowsRevocation(user, sentAt)) && (disable?.IsSuccess != true || user.AccountEnabled == false);

    private void ReportRevocations(
        IReadOnlyList<string> toRevoke,
        IReadOnlyList<UserLookup> states,
        IReadOnlyList<bool> repeated,
        Dictionary<string, GraphBatchResult> disabled,
        IReadOnlyList<GraphBatchResult> revoked,
        DateTimeOffset sentAt,
        DateTimeOffset answeredAt,
        RevocationResults report,
        IResultSink<ContainmentAction> results)
    {
        for (int i = 0; i < toRevoke.Count; i++)
        {
            if (repeated[i])
            {
                // The same user, named another way earlier in this run: its row is already written.
                continue;
            }

            string input = toRevoke[i];
            ContainmentUser? state = states[i].User;
            if (disabled.TryGetValue(input, out GraphBatchResult? disable))
            {
                if (disable.IsSuccess && state?.AccountEnabled == true)
                {
                    report.Unconfirmed(ContainmentActions.DisableAccount, state, disable, answeredAt, $"the directory still shows the account enabled (accountEnabled true) after {_options.ReadBackTimeout.TotalSeconds:0} s of reading back");
                }
                else
                {
                    report.Answered(ContainmentActions.DisableAccount, input, state, disable, answeredAt, GraphOperation.DisableAccount, disable.IsSuccess && state?.OnPremisesSyncEnabled == true ? report.SyncedDisableWarning(state) : null);
                }
            }

            if (revoked[i].Status == 404)
            {
                if (!disabled.ContainsKey(input))
                {
                    results.Failed(GraphErrorTranslator.Translate(revoked[i].Error, GraphOperation.RevokeSessions, input));
                }

                continue;
            }

            string? note = null;
            if (revoked[i].IsSuccess && states[i].ReadFailed)
            {
                results.Failed(states[i].Failure(GraphOperation.ReadUser));
                note = "Revoked, but reading the user back failed, so there is no evidence time: check it with Get-ContainmentUser."
                    + (_options.ConfirmCompromised is not null || _options.DisableDevicesRegisteredSince is not null ? " -ConfirmCompromised and -DisableDevice were not done for this user; run them again for it." : string.Empty);
            }

            if (revoked[i].IsSuccess && state is not null && !ReadBackEvidence.ShowsRevocation(state, sentAt))
            {
                string shown = state.SignInSessionsValidFromDateTime is { } old ? $"sessions valid from {old.ToUniversalTime():u}" : "no revocation time at all";
                report.Unconfirmed(ContainmentActions.RevokeSessions, state, revoked[i], answeredAt, $"the directory still shows {shown}, before the revocation was sent at {sentAt.ToUniversalTime():u}, after {_options.ReadBackTimeout.TotalSeconds:0} s of reading back");
            }
            else
            {
                report.Answered(ContainmentActions.RevokeSessions, input, state, revoked[i], answeredAt, GraphOperation.RevokeSessions, note);
            }

            if (revoked[i].IsSuccess && state?.UserType == "Guest")
            {
                results.Warn(disable?.IsSuccess == true
                    ? $"{state.UserPrincipalName} is a guest: the account is disabled here, but the stolen session lives in their home tenant. Tell their home organization to contain it before you enable the guest again."
                    : $"{state.UserPrincipalName} is a guest: revoking ends their sessions in this tenant only, not in their home tenant, where the stolen session lives. Disable the guest account (-DisableAccount) or remove the guest until their home organization has contained it.");
            }
        }
    }

    private Task<IReadOnlyList<GraphBatchResult>> SendAsync(IReadOnlyList<string> userIds, Func<string, GraphBatchItem> itemFor, CancellationToken cancellationToken)
    {
        GraphBatchItem[] items = GraphBatchItem.InOrder(userIds.Select(itemFor));
        return items.Length == 0 ? Task.FromResult<IReadOnlyList<GraphBatchResult>>(Array.Empty<GraphBatchResult>()) : _connection.Batch.SendAsync(items, cancellationToken);
    }
}
