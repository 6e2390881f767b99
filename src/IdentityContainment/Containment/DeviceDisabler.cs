using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Containment;

/// <summary>
/// Disables devices: an attacker who registers a device gets a primary refresh token that outlives the user's password.
/// Either the devices registered to users since the compromise began (Revoke-CompromisedSession -DisableDevice: reads
/// with <see cref="UserDevicesReader"/>, chooses with <see cref="DeviceDisableDecision"/>; devices registered before
/// then are the user's own and are left alone), or the devices a caller chose (Disable-SuspiciousDevice). Either way,
/// what Graph would refuse is set aside before sending (<see cref="DeviceDisableDecision.Screen"/>), the rest are written
/// by <see cref="DeviceDisableWrite"/>, and every device gets its row.
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
        await DisableAsync(targets, results, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disables exactly these devices, 20 to a JSON batch.</summary>
    public async Task DisableAsync(IReadOnlyList<DeviceTarget> targets, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        (IReadOnlyList<DeviceTarget> toSend, RecordedResults<ContainmentAction> refused) = DeviceDisableDecision.Screen(targets, _connection.Context);
        refused.WriteTo(results);

        var write = new DeviceDisableWrite(_connection);
        foreach (List<DeviceTarget> batch in toSend.InChunksOf(GraphBatchClient.MaxItemsPerBatch))
        {
            (IReadOnlyList<GraphBatchResult> answers, DateTimeOffset answeredAt) = await write.SendAsync(batch, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < batch.Count; i++)
            {
                DeviceDisableDecision.Answered(batch[i], answers[i], answeredAt, _connection.Context).WriteTo(results);
            }
        }
    }
}
