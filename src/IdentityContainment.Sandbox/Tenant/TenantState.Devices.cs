namespace IdentityContainment.Sandbox;

public sealed partial class TenantState
{
    private readonly KeyedTable<DeviceRecord> _devices;

    public IReadOnlyList<DeviceRecord> Devices
    {
        get { lock (_gate) return _devices.ToArray(); }
    }

    public DeviceRecord? FindDevice(string id)
    {
        lock (_gate) return _devices.Find(id);
    }

    /// <summary>The device with this Device Registration Service id (what sign-ins name in deviceDetail.deviceId).</summary>
    public DeviceRecord? FindDeviceByDeviceId(string deviceId)
    {
        lock (_gate) return _devices.Where(d => string.Equals(d.DeviceId, deviceId, StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
    }

    /// <summary>Devices the user registered or uses.</summary>
    public IReadOnlyList<DeviceRecord> DevicesOf(string userId)
    {
        lock (_gate)
            return _devices.Where(d => d.RegisteredOwners.Contains(userId, StringComparer.OrdinalIgnoreCase)
                || d.RegisteredUsers.Contains(userId, StringComparer.OrdinalIgnoreCase));
    }

    public void AddDevice(DeviceRecord device)
    {
        lock (_gate) _devices.Add(device);
    }

    public DeviceRecord? SetDeviceEnabled(string id, bool enabled)
    {
        lock (_gate) return _devices.Update(id, d => d with { AccountEnabled = enabled });
    }

    public bool RemoveDevice(string id)
    {
        lock (_gate) return _devices.Remove(id);
    }
}
