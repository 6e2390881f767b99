namespace IdentityContainment.Detection;

/// <summary>How much a finding matters, in the order -MinimumRisk compares them.</summary>
public enum RiskLevel
{
    /// <summary>No rule fired: not a finding.</summary>
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
