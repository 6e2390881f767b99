using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Users;

/// <summary>Reads the containment state of up to 20 users with one JSON batch.</summary>
public sealed class UserReader
{
    private readonly GraphConnection _connection;

    public UserReader(GraphConnection connection) => _connection = connection;

    /// <summary>Reports each user, or the error that user got, through <paramref name="results"/>; one failure never hides the rest.</summary>
    public async Task ReadAsync(IReadOnlyList<string> userIds, IResultSink<ContainmentUser> results, CancellationToken cancellationToken)
    {
        foreach (UserLookup lookup in await LookUpAsync(userIds, cancellationToken).ConfigureAwait(false))
        {
            if (lookup.User is not null)
            {
                results.Succeeded(lookup.User);
            }
            else
            {
                results.Failed(GraphErrorTranslator.Translate(lookup.Answer.Error, GraphOperation.ReadUser, lookup.Input));
            }
        }
    }

    /// <summary>Each user's state as Graph has it now, in input order; User is null when Graph refused.</summary>
    public async Task<IReadOnlyList<UserLookup>> LookUpAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        GraphBatchItem[] items = GraphBatchItem.InOrder(userIds.Select(id => new GraphBatchItem("GET", $"/users{GraphPaths.UserSegment(id)}?$select={UserJson.Select}")));
        IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendAsync(items, cancellationToken).ConfigureAwait(false);
        return answers.Select((answer, i) => new UserLookup(userIds[i], answer, answer.IsSuccess && answer.Body is not null ? UserJson.Read(answer.Body) : null)).ToList();
    }
}

/// <summary>What Graph said about one user: the state, or the answer that explains why not.</summary>
public sealed record UserLookup(string Input, GraphBatchResult Answer, ContainmentUser? User);
