using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>Disables devices: one JSON batch of PATCH accountEnabled false for up to 20 devices.</summary>
internal sealed class DeviceDisableWrite
{
    private readonly GraphConnection _connection;

    public DeviceDisableWrite(GraphConnection connection) => _connection = connection;

    /// <summary>Graph's answer for each device, in order, and when the batch was answered.</summary>
    public async Task<(IReadOnlyList<GraphBatchResult> Answers, DateTimeOffset AnsweredAt)> SendAsync(IReadOnlyList<DeviceTarget> targets, CancellationToken cancellationToken)
    {
        if (targets.Count > GraphBatchClient.MaxItemsPerBatch)
        {
            throw new ArgumentException($"One batch takes at most {GraphBatchClient.MaxItemsPerBatch} devices.", nameof(targets));
        }

        GraphBatchItem[] patches = GraphBatchItem.InOrder(targets.Select(t => new GraphBatchItem("PATCH", $"/devices/{t.Device.Id}", new JsonObject { ["accountEnabled"] = false })));
        IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendAsync(patches, cancellationToken).ConfigureAwait(false);
        return (answers, DateTimeOffset.UtcNow);
    }
}
