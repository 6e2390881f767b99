using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Graph's device resource (v1.0 CSDL, in its order). Properties the sandbox does not model come
/// back as null, or [] for collections, as they do for a device that never set them.
/// </summary>
internal static class DeviceProjection
{
    public const string ODataType = "#microsoft.graph.device";

    public static readonly EntityProperties<DeviceRecord> Properties = new(
        "microsoft.graph.device",
        ("id", d => d.Id),
        ("deletedDateTime", _ => null),
        ("accountEnabled", d => d.AccountEnabled),
        ("alternativeSecurityIds", _ => new JsonArray()),
        ("approximateLastSignInDateTime", d => Time(d.ApproximateLastSignInDateTime)),
        ("complianceExpirationDateTime", _ => null),
        ("deviceCategory", _ => null),
        ("deviceId", d => d.DeviceId),
        ("deviceMetadata", _ => null),
        ("deviceOwnership", _ => null),
        ("deviceVersion", _ => null),
        ("displayName", d => d.DisplayName),
        ("enrollmentProfileName", _ => null),
        ("enrollmentType", _ => null),
        ("isCompliant", d => d.IsCompliant),
        ("isManaged", d => d.IsManaged),
        ("isManagementRestricted", _ => null),
        ("isRooted", _ => null),
        ("managementType", _ => null),
        ("manufacturer", d => d.Manufacturer),
        ("mdmAppId", _ => null),
        ("model", d => d.Model),
        ("onPremisesLastSyncDateTime", _ => null),
        ("onPremisesSecurityIdentifier", _ => null),
        ("onPremisesSyncEnabled", _ => null),
        ("operatingSystem", d => d.OperatingSystem),
        ("operatingSystemVersion", d => d.OperatingSystemVersion),
        ("physicalIds", _ => new JsonArray()),
        ("profileType", d => d.ProfileType),
        ("registrationDateTime", d => Time(d.RegistrationDateTime)),
        ("systemLabels", _ => new JsonArray()),
        ("trustType", d => d.TrustType),
        ("extensionAttributes", _ => ExtensionAttributes()));

    /// <summary>GET devices/{id}.</summary>
    public static JsonObject Entity(DeviceRecord device, IReadOnlyList<string>? select)
    {
        var json = Properties.Project(device, select);
        json.Insert(0, "@odata.context", GraphContext.Entity("devices", select));
        return json;
    }

    /// <summary>
    /// An item of a directoryObject collection (registeredDevices, ownedDevices): the @odata.type says
    /// which kind of directory object it is, with or without $select.
    /// </summary>
    /// <summary>What a caller without permission to read devices gets in a directoryObject collection.</summary>
    public static JsonObject LimitedDirectoryObject(DeviceRecord device) => new() { ["@odata.type"] = ODataType, ["id"] = device.Id };

    public static JsonObject DirectoryObject(DeviceRecord device, IReadOnlyList<string>? select)
    {
        var json = Properties.Project(device, select);
        json.Insert(0, "@odata.type", ODataType);
        return json;
    }

    /// <summary>The operating system value Entra uses for Windows devices (the one app-only callers may disable).</summary>
    public static bool IsWindows(DeviceRecord device) =>
        string.Equals(device.OperatingSystem, "Windows", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? Time(DateTimeOffset? value) => value is null ? null : GraphTime.Format(value.Value);

    private static JsonObject ExtensionAttributes()
    {
        var attributes = new JsonObject();
        for (var i = 1; i <= 15; i++)
            attributes[$"extensionAttribute{i}"] = null;
        return attributes;
    }
}
