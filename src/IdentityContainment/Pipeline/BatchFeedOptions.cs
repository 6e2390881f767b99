using IdentityContainment.Graph;
using IdentityContainment.Users;

namespace IdentityContainment.Pipeline;

/// <summary>How a <see cref="BatchFeed{T}"/> groups its items and how many groups it works on at once.</summary>
public sealed record BatchFeedOptions(int BatchSize, int BatchesAtOnce)
{
    /// <summary>
    /// A Graph batch of users per batch, and enough batches at once that their user reads fill one gathered read
    /// (<see cref="UserReader.UsersPerRead"/>). How many requests are on the wire is the connection's own limit.
    /// </summary>
    public static BatchFeedOptions UsersInGraphBatches { get; } =
        new(GraphBatchClient.MaxItemsPerBatch, UserReader.UsersPerRead / GraphBatchClient.MaxItemsPerBatch);
}
