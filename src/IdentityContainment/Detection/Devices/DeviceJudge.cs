using IdentityContainment.Containment;

namespace IdentityContainment.Detection.Devices;

/// <summary>
/// Judges a user's devices with the device table and turns each into a complete <see cref="DeviceFinding"/>. No I/O:
/// the same facts and criteria give the same finding.
/// </summary>
public static class DeviceJudge
{
    /// <summary>
    /// The finding, or null when no rule fired (the user's own joined, managed laptop) unless
    /// <paramref name="includeNonSuspicious"/> asks for those too, as RiskLevel None.
    /// </summary>
    public static DeviceFinding? Judge(DeviceFacts device, DeviceReviewCriteria criteria, bool includeNonSuspicious = false)
    {
        if (device is null)
        {
            throw new ArgumentNullException(nameof(device));
        }

        Assessment assessment = DeviceRules.Table.Assess(new DeviceUnderReview(device, criteria ?? throw new ArgumentNullException(nameof(criteria))));
        if (!assessment.IsFinding && !includeNonSuspicious)
        {
            return null;
        }

        return new DeviceFinding
        {
            UserId = device.UserId,
            UserPrincipalName = device.UserPrincipalName,
            DeviceObjectId = device.Id,
            DeviceId = device.DeviceId,
            DisplayName = device.DisplayName,
            OperatingSystem = device.OperatingSystem,
            OperatingSystemVersion = device.OperatingSystemVersion,
            TrustType = device.TrustType,
            IsManaged = device.IsManaged,
            IsCompliant = device.IsCompliant,
            RegistrationDateTime = device.RegistrationDateTime,
            ApproximateLastSignInDateTime = device.ApproximateLastSignInDateTime,
            AccountEnabled = device.AccountEnabled,
            Relation = device.Relation == DeviceRelation.None ? string.Empty : device.Relation.ToString(),
            AppOnlyCanDisable = DeviceDisableRefusals.AppMayDisable(device.OperatingSystem),
            BeforeImage = device.BeforeImage,
            RiskLevel = assessment.Level.ToString(),
            Score = assessment.Score,
            ReasonCodes = assessment.ReasonCodes,
            Reasons = assessment.Reasons,
        };
    }
}
