using IdentityContainment.Connection;
using IdentityContainment.Evidence;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Containment;

/// <summary>
/// Cuts a batch of users' live sessions in Microsoft's emergency order: disable (when asked), revoke, read back
/// signInSessionsValidFromDateTime as the evidence, then (when asked) confirm the users compromised in Identity
/// Protection and disable the devices registered since the compromise. Each write step is one JSON batch for up to 20
/// users (<see cref="RevocationWrites"/>); the read-back shares the <see cref="UserReader"/>'s gathered reads; what to
/// report is <see cref="RevocationDecision"/>'s. A user that fails a step is reported and the others go on.
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

    /// <summary>Reports each action through <paramref name="results"/>, and appends it to the connection's journal.</summary>
    public async Task RevokeAsync(IReadOnlyList<string> userIds, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        // Confirm compromised and device disable are this revocation's own steps: they report through the journaled sink too.
        results = JournaledResults<ContainmentAction>.Around(results, _connection.Journal);
        if (_options.OwnAccount is { } guard)
        {
            var report = new RevocationResults(results, _connection.Context);
            userIds = await guard.SetAsideOwnAsync(userIds, _reader, (input, user) => report.OwnAccountSkipped(guard, input, user), cancellationToken).ConfigureAwait(false);
        }

        var writes = new RevocationWrites(_connection);
        IReadOnlyList<GraphBatchResult>? disabled = _options.DisableAccount ? await writes.DisableAccountsAsync(userIds, cancellationToken).ConfigureAwait(false) : null;
        (IReadOnlyList<string> toRevoke, IReadOnlyList<GraphBatchResult?> disableOf, RecordedResults<ContainmentAction> gone) = RevocationDecision.AfterDisable(userIds, disabled);
        gone.WriteTo(results);

        SentRevocation revoked = await writes.RevokeSessionsAsync(toRevoke, cancellationToken).ConfigureAwait(false);

        // The evidence: what Graph now holds for each user, read after the writes (gathered with other batches' reads),
        // and read again while a lagging replica still shows the user as it was before them.
        IReadOnlyList<UserLookup> states = await _reader.LookUpAsync(toRevoke, cancellationToken).ConfigureAwait(false);
        states = await ReadBackEvidence.AwaitReplicationAsync(
            _reader,
            toRevoke,
            states,
            (i, user) => RevocationDecision.ShowsWrites(user, revoked.Answers[i], disableOf[i], revoked.SentAt),
            _options.ReadBackTimeout,
            cancellationToken).ConfigureAwait(false);
        UserRevocation[] outcomes = toRevoke
            .Select((input, i) => new UserRevocation(input, disableOf[i], revoked.Answers[i], states[i], states[i].User is not null && _options.ReportedUsers?.Claim(states[i].User!.Id) == false))
            .ToArray();
        RevocationDecision.Report(outcomes, revoked, _options, _connection.Context).WriteTo(results);

        IReadOnlyList<ContainmentUser> contained = RevocationDecision.Contained(outcomes);
        if (_options.ConfirmCompromised is { } confirmer)
        {
            await confirmer.ConfirmAsync(contained, results, cancellationToken).ConfigureAwait(false);
        }

        if (_options.DisableDevicesRegisteredSince is { } since)
        {
            await new DeviceDisabler(_connection).DisableAsync(contained, since, results, cancellationToken).ConfigureAwait(false);
        }
    }
}
