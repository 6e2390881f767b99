namespace IdentityContainment.Detection.Devices;

/// <summary>
/// How a device is tied to the user: listed among the user's registered devices (the user is a registered user of it),
/// among the owned ones (a registered owner), or both. A device the user registered is usually both.
/// </summary>
[Flags]
public enum DeviceRelation
{
    None = 0,

    /// <summary>In GET /users/{id}/ownedDevices: the user registered or was made owner of it.</summary>
    RegisteredOwner = 1,

    /// <summary>In GET /users/{id}/registeredDevices: the user is a registered user of it.</summary>
    RegisteredUser = 2,
}
