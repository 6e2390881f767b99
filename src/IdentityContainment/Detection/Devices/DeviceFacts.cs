namespace IdentityContainment.Detection.Devices;

/// <summary>
/// One device of one user, as Graph lists it among the user's registered and owned devices (CONTRACT §8), the two lists
/// merged by the device's object id. Gathered by a reader, judged by the device table without any I/O. Graph hides a
/// device's properties from a caller without Device.Read.All, so every property but the id may be missing.
/// </summary>
public sealed record DeviceFacts
{
    /// <summary>The user's object id.</summary>
    public string UserId { get; init; } = string.Empty;

    public string? UserPrincipalName { get; init; }

    /// <summary>The device's directory object id: what PATCH /devices/{id} takes.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The Device Registration Service id: what a sign-in names in deviceDetail/deviceId.</summary>
    public string? DeviceId { get; init; }

    public string? DisplayName { get; init; }

    public string? OperatingSystem { get; init; }

    public string? OperatingSystemVersion { get; init; }

    /// <summary>Workplace (registered), AzureAd (joined) or ServerAd (hybrid joined).</summary>
    public string? TrustType { get; init; }

    /// <summary>Managed by an MDM (Intune); null when Graph did not say.</summary>
    public bool? IsManaged { get; init; }

    /// <summary>Compliant with the MDM's policies; null when no MDM reports on it.</summary>
    public bool? IsCompliant { get; init; }

    public DateTimeOffset? RegistrationDateTime { get; init; }

    public DateTimeOffset? ApproximateLastSignInDateTime { get; init; }

    public bool? AccountEnabled { get; init; }

    /// <summary>Which of the user's lists named it.</summary>
    public DeviceRelation Relation { get; init; }

    /// <summary>The device as Graph listed it (JSON).</summary>
    public string? BeforeImage { get; init; }
}
