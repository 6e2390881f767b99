using System.Text.Json.Nodes;
using IdentityContainment.Detection.Devices;
using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>A device item as Graph gives it (CONTRACT §8, the v1.0 device resource), read into what the module decides on.</summary>
internal static class DeviceJson
{
    /// <summary>What disabling needs: the registration date decides, the rest names the device.</summary>
    public const string DisableSelect = "id,deviceId,displayName,operatingSystem,registrationDateTime,accountEnabled";

    /// <summary>What the device rules and a finding need besides.</summary>
    public const string FactsSelect = DisableSelect + ",operatingSystemVersion,trustType,isManaged,isCompliant,approximateLastSignInDateTime,profileType";

    public static RegisteredDevice Registered(JsonNode device) => new(
        GraphJson.Text(device, "id"),
        GraphJson.Text(device, "deviceId"),
        GraphJson.Text(device, "displayName"),
        GraphJson.Text(device, "operatingSystem"),
        GraphJson.Time(device, "registrationDateTime"),
        GraphJson.Flag(device, "accountEnabled"));

    public static DeviceFacts Facts(JsonNode device, ContainmentUser user, DeviceRelation relation) => new()
    {
        UserId = user.Id,
        UserPrincipalName = user.UserPrincipalName,
        Id = GraphJson.Text(device, "id") ?? string.Empty,
        DeviceId = GraphJson.Text(device, "deviceId"),
        DisplayName = GraphJson.Text(device, "displayName"),
        OperatingSystem = GraphJson.Text(device, "operatingSystem"),
        OperatingSystemVersion = GraphJson.Text(device, "operatingSystemVersion"),
        TrustType = GraphJson.Text(device, "trustType"),
        IsManaged = GraphJson.Flag(device, "isManaged"),
        IsCompliant = GraphJson.Flag(device, "isCompliant"),
        RegistrationDateTime = GraphJson.Time(device, "registrationDateTime"),
        ApproximateLastSignInDateTime = GraphJson.Time(device, "approximateLastSignInDateTime"),
        AccountEnabled = GraphJson.Flag(device, "accountEnabled"),
        Relation = relation,
        BeforeImage = Image(device),
    };

    /// <summary>The item as evidence: without the OData annotations, which describe the response rather than the device.</summary>
    public static string Image(JsonNode device)
    {
        var copy = (JsonObject)device.DeepClone();
        foreach (string annotation in copy.Select(p => p.Key).Where(k => k.StartsWith("@odata.", StringComparison.Ordinal)).ToList())
        {
            copy.Remove(annotation);
        }

        return copy.ToJsonString();
    }
}
