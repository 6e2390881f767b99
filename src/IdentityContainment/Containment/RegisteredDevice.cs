namespace IdentityContainment.Containment;

/// <summary>
/// A device registered to a user, as Graph shows it. Graph hides a device's properties from a caller without
/// Device.Read.All, so every property but the id may be missing.
/// </summary>
internal sealed record RegisteredDevice(
    string? Id,
    string? DeviceId,
    string? DisplayName,
    string? OperatingSystem,
    DateTimeOffset? RegistrationDateTime,
    bool? AccountEnabled)
{
    /// <summary>How a result names the device: "ATTACKER-PC (Windows, registered 2026-12-01 09:30Z)".</summary>
    public string Description => $"{DisplayName} ({OperatingSystem}, registered {RegistrationDateTime?.UtcDateTime:yyyy-MM-dd HH:mm}Z)";
}
