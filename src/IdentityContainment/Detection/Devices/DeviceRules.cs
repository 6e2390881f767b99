using static IdentityContainment.Detection.ReasonTimes;

namespace IdentityContainment.Detection.Devices;

/// <summary>
/// The device red flags of DETECTION.md ("Identity footholds"), as data. A device registered after the compromise began
/// is Medium alone (50); Entra registration (Workplace: it can hold a primary refresh token) and no MDM add to it, so
/// a new unmanaged registered device is High even before the sign-ins are known. A device a flagged sign-in came from is
/// Medium alone (40). The user's own old phone, registered and unmanaged, stays Low (25); an old joined, managed,
/// compliant laptop fires nothing.
/// </summary>
public static class DeviceRules
{
    public static readonly RuleTable<DeviceUnderReview> Table = new(new[]
    {
        new DetectionRule<DeviceUnderReview>(
            "DeviceRegisteredSinceCompromise",
            50,
            d => d.RegisteredSinceCompromise,
            d => $"was registered {At(d.Device.RegistrationDateTime!.Value)}, after the compromise began ({At(d.Criteria.Since!.Value)})"),
        new DetectionRule<DeviceUnderReview>(
            "DeviceUsedInSuspiciousSignIn",
            40,
            d => d.UsedInSuspiciousSignIn,
            d => $"signed in suspiciously: Get-SuspiciousSignIn flagged a sign-in from device id {d.Device.DeviceId} at Medium or above"),
        new DetectionRule<DeviceUnderReview>(
            "DeviceWorkplaceRegistered",
            15,
            d => d.WorkplaceRegistered,
            "is Entra registered (trustType Workplace), not joined: a registered device can hold a primary refresh token, which signs the user in to every app without the password"),
        new DetectionRule<DeviceUnderReview>(
            "DeviceUnmanaged",
            10,
            d => d.Unmanaged,
            "is not managed by an MDM (isManaged false): nobody controls what runs on it"),
        new DetectionRule<DeviceUnderReview>(
            "DeviceNonCompliant",
            10,
            d => d.NonCompliant,
            "fails its MDM's compliance policy (isCompliant false)"),
        new DetectionRule<DeviceUnderReview>(
            "DeviceRegistrationTimeUnknown",
            10,
            d => d.RegistrationTimeUnknown,
            "came back without its registration date, so it cannot be shown to predate the compromise: grant Device.Read.All, or look at it in the Entra admin center"),
    });
}
