using IdentityContainment.Detection;
using IdentityContainment.Detection.Devices;

namespace IdentityContainment.Devices;

/// <summary>What a device hunt judges against and reports.</summary>
public sealed record DeviceHuntOptions
{
    /// <summary>-Since and the device ids of -SuspiciousSignIn.</summary>
    public DeviceReviewCriteria Criteria { get; init; } = new();

    /// <summary>-MinimumRisk: Low reports any device a rule fired on.</summary>
    public RiskLevel MinimumRisk { get; init; } = RiskLevel.Low;

    /// <summary>-IncludeNonSuspicious: every device, the ones no rule flags as RiskLevel None.</summary>
    public bool IncludeNonSuspicious { get; init; }
}
