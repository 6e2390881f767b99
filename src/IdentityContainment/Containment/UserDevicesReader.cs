using IdentityContainment.Connection;
using IdentityContainment.Detection.Devices;
using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>
/// Reads the devices of users: list reads sent as JSON batch items and followed to the last page. Only reads, so
/// verification uses it to see whether an attacker's device is still enabled.
/// </summary>
internal sealed class UserDevicesReader
{
    private readonly GraphConnection _connection;

    public UserDevicesReader(GraphConnection connection) => _connection = connection;

    /// <summary>Each user's registered devices, in input order; a list missing a page comes back as failed, never as the part that answered.</summary>
    public async Task<IReadOnlyList<UserDevices>> ReadAsync(IReadOnlyList<ContainmentUser> users, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return Array.Empty<UserDevices>();
        }

        // The whole of each user's list before any decision: a device on a page Graph did not give would be missed.
        ListRead<ContainmentUser>[] listing = users.Select(u => new ListRead<ContainmentUser>(u, ListRequest.For($"/users/{u.Id}/registeredDevices", DeviceJson.DisableSelect).Url)).ToArray();
        IReadOnlyList<WholeList<ContainmentUser>> lists = await _connection.Batch.ReadWholeListsAsync(listing, cancellationToken).ConfigureAwait(false);
        return lists.Select(list => list.IsComplete
            ? new UserDevices(list.List, list.Items.Select(DeviceJson.Registered).ToList(), null)
            : new UserDevices(list.List, null, list.Outcome)).ToList();
    }

    /// <summary>
    /// Each user's registered and owned devices, each list read once and the two merged by the device's object id with
    /// the relation noted, in input order. A user either of whose lists misses a page comes back failed: half of them
    /// could hide the attacker's device.
    /// </summary>
    public async Task<IReadOnlyList<UserDeviceFacts>> ReadFactsAsync(IReadOnlyList<ContainmentUser> users, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return Array.Empty<UserDeviceFacts>();
        }

        ListRead<(ContainmentUser User, DeviceRelation Relation)>[] listing = users.SelectMany(u => new[]
        {
            new ListRead<(ContainmentUser, DeviceRelation)>((u, DeviceRelation.RegisteredUser), ListRequest.For($"/users/{u.Id}/registeredDevices", DeviceJson.FactsSelect).Url),
            new ListRead<(ContainmentUser, DeviceRelation)>((u, DeviceRelation.RegisteredOwner), ListRequest.For($"/users/{u.Id}/ownedDevices", DeviceJson.FactsSelect).Url),
        }).ToArray();
        IReadOnlyList<WholeList<(ContainmentUser User, DeviceRelation Relation)>> lists = await _connection.Batch.ReadWholeListsAsync(listing, cancellationToken).ConfigureAwait(false);

        var read = new List<UserDeviceFacts>(users.Count);
        foreach (ContainmentUser user in users)
        {
            var ofUser = lists.Where(l => ReferenceEquals(l.List.User, user)).ToList();
            if (ofUser.FirstOrDefault(l => !l.IsComplete) is { } failed)
            {
                read.Add(new UserDeviceFacts(user, null, failed.Outcome));
                continue;
            }

            var merged = new Dictionary<string, DeviceFacts>(StringComparer.OrdinalIgnoreCase);
            var order = new List<string>();
            foreach (var list in ofUser)
            {
                foreach (DeviceFacts device in list.Items.Select(item => DeviceJson.Facts(item, user, list.List.Relation)))
                {
                    if (merged.TryGetValue(device.Id, out DeviceFacts? known))
                    {
                        merged[device.Id] = known with { Relation = known.Relation | device.Relation };
                        continue;
                    }

                    merged[device.Id] = device;
                    order.Add(device.Id);
                }
            }

            read.Add(new UserDeviceFacts(user, order.Select(id => merged[id]).ToList(), null));
        }

        return read;
    }
}
