using IdentityContainment.Connection;
using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>
/// Reads the devices registered to users: one list read per user, sent as JSON batch items and followed to the last
/// page. Only reads, so verification uses it to see whether an attacker's device is still enabled.
/// </summary>
internal sealed class UserDevicesReader
{
    private const string DeviceSelect = "id,deviceId,displayName,operatingSystem,registrationDateTime,accountEnabled";

    private readonly GraphConnection _connection;

    public UserDevicesReader(GraphConnection connection) => _connection = connection;

    /// <summary>Each user's devices, in input order; a list missing a page comes back as failed, never as the part that answered.</summary>
    public async Task<IReadOnlyList<UserDevices>> ReadAsync(IReadOnlyList<ContainmentUser> users, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return Array.Empty<UserDevices>();
        }

        // The whole of each user's list before any decision: a device on a page Graph did not give would be missed.
        ListRead<ContainmentUser>[] listing = users.Select(u => new ListRead<ContainmentUser>(u, ListRequest.For($"/users/{u.Id}/registeredDevices", DeviceSelect).Url)).ToArray();
        IReadOnlyList<WholeList<ContainmentUser>> lists = await _connection.Batch.ReadWholeListsAsync(listing, cancellationToken).ConfigureAwait(false);
        return lists.Select(list => list.IsComplete
            ? new UserDevices(list.List, list.Items.Select(Device).ToList(), null)
            : new UserDevices(list.List, null, list.Outcome)).ToList();
    }

    private static RegisteredDevice Device(System.Text.Json.Nodes.JsonNode device) => new(
        GraphJson.Text(device, "id"),
        GraphJson.Text(device, "deviceId"),
        GraphJson.Text(device, "displayName"),
        GraphJson.Text(device, "operatingSystem"),
        GraphJson.Time(device, "registrationDateTime"),
        GraphJson.Flag(device, "accountEnabled"));
}
