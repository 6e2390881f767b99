using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>
/// The writes of a revocation, each one JSON batch for up to 20 users: PATCH accountEnabled false, and POST
/// revokeSignInSessions. Answers come back in input order.
/// </summary>
internal sealed class RevocationWrites
{
    private readonly GraphConnection _connection;

    public RevocationWrites(GraphConnection connection) => _connection = connection;

    public Task<IReadOnlyList<GraphBatchResult>> DisableAccountsAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
        _connection.Batch.SendEachAsync(userIds.Select(id => new GraphBatchItem("PATCH", $"/users{GraphPaths.UserSegment(id)}", new JsonObject { ["accountEnabled"] = false })), cancellationToken);

    /// <summary>
    /// Revokes, and says when: a read-back is evidence only if it shows sessions valid from <see cref="SentRevocation.SentAt"/>
    /// on (<see cref="ReadBackEvidence.ShowsRevocation"/>).
    /// </summary>
    public async Task<SentRevocation> RevokeSessionsAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        DateTimeOffset sentAt = DateTimeOffset.UtcNow;
        IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendEachAsync(userIds.Select(id => new GraphBatchItem("POST", $"/users{GraphPaths.UserSegment(id)}/revokeSignInSessions")), cancellationToken).ConfigureAwait(false);
        return new SentRevocation(answers, sentAt, DateTimeOffset.UtcNow);
    }
}
