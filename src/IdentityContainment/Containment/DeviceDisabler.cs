using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Containment;

/// <summary>
/// Disables the devices registered to users since the compromise began: an attacker who registers a device gets a
/// primary refresh token that outlives the user's password. Devices registered before then are the user's own and
/// are left alone. Reads (<see cref="UserDevicesReader"/>), decides (<see cref="DeviceDisableDecision"/>), writes
/// (<see cref="DeviceDisableWrite"/>) and reports.
/// </summary>
internal sealed class DeviceDisabler
{
    private readonly GraphConnection _connection;

    public DeviceDisabler(GraphConnection connection) => _connection = connection;

    public async Task DisableAsync(IReadOnlyList<ContainmentUser> users, DateTimeOffset since, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        IReadOnlyList<UserDevices> listings = await new UserDevicesReader(_connection).ReadAsync(users, cancellationToken).ConfigureAwait(false);
        (IReadOnlyList<DeviceTarget> targets, RecordedResults<ContainmentAction> chosen) = DeviceDisableDecision.Choose(listings, since);
        chosen.WriteTo(results);

        var write = new DeviceDisableWrite(_connection);
        foreach (List<DeviceTarget> batch in targets.InChunksOf(GraphBatchClient.MaxItemsPerBatch))
        {
            (IReadOnlyList<GraphBatchResult> answers, DateTimeOffset answeredAt) = await write.SendAsync(batch, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < batch.Count; i++)
            {
                DeviceDisableDecision.Answered(batch[i], answers[i], answeredAt, _connection.Context).WriteTo(results);
            }
        }
    }
}
