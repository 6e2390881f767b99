namespace IdentityContainment.Detection.Devices;

/// <summary>
/// What a device is judged against besides itself: when the compromise began (-Since), and the device ids
/// (deviceDetail/deviceId) of the sign-ins the sign-in analysis flagged.
/// </summary>
public sealed record DeviceReviewCriteria
{
    /// <summary>The compromise start; null when not known (then the registration time alone flags nothing).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Device Registration Service ids that signed in suspiciously; empty when no sign-ins were given.</summary>
    public IReadOnlyCollection<string> SuspiciousDeviceIds { get; init; } = Array.Empty<string>();

    /// <summary>True when a flagged sign-in came from this device.</summary>
    public bool SignedInSuspiciously(string? deviceId) =>
        !string.IsNullOrWhiteSpace(deviceId) && SuspiciousDeviceIds.Contains(deviceId!.Trim(), StringComparer.OrdinalIgnoreCase);
}
