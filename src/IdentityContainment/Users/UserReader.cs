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
        GraphBatchItem[] items = userIds
            .Select((id, index) => new GraphBatchItem(index.ToString(System.Globalization.CultureInfo.InvariantCulture), "GET", $"/users{GraphPaths.UserSegment(id)}?$select={UserJson.Select}"))
            .ToArray();
        IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendAsync(items, cancellationToken).ConfigureAwait(false);

        for (int i = 0; i < answers.Count; i++)
        {
            GraphBatchResult answer = answers[i];
            if (answer.IsSuccess && answer.Body is not null)
            {
                results.Succeeded(UserJson.Read(answer.Body));
            }
            else
            {
                results.Failed(GraphErrorTranslator.Translate(answer.Error, GraphOperation.ReadUser, userIds[i]));
            }
        }
    }
}
