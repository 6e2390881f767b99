using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>Sets users' temporary passwords: one JSON batch of PATCH passwordProfile for up to 20 users.</summary>
internal sealed class PasswordResetWrite
{
    private readonly GraphConnection _connection;

    public PasswordResetWrite(GraphConnection connection) => _connection = connection;

    /// <summary>Graph's answer for each user, in order, and when the batch was answered.</summary>
    public async Task<(IReadOnlyList<GraphBatchResult> Answers, DateTimeOffset AnsweredAt)> SendAsync(
        IReadOnlyList<ContainmentUser> users,
        IReadOnlyList<char[]> passwords,
        PasswordResetOptions options,
        CancellationToken cancellationToken)
    {
        var patches = new GraphBatchItem[users.Count];
        for (int i = 0; i < users.Count; i++)
        {
            var profile = new JsonObject
            {
                ["password"] = new string(passwords[i]),
                ["forceChangePasswordNextSignIn"] = options.ForceChangePasswordNextSignIn,
                ["forceChangePasswordNextSignInWithMfa"] = options.RequireMfaForChange,
            };

            // Repeatable: a PATCH sent again after a timeout carries the same password, so the one the operator is
            // given is the one Graph holds.
            patches[i] = new GraphBatchItem("PATCH", $"/users/{users[i].Id}", new JsonObject { ["passwordProfile"] = profile });
        }

        IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendAsync(GraphBatchItem.InOrder(patches), cancellationToken).ConfigureAwait(false);
        return (answers, DateTimeOffset.UtcNow);
    }
}
