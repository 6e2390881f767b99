namespace IdentityContainment.Detection;

/// <summary>
/// Where a score becomes Medium and High. A score is the sum of the weights of the rules that fired, at most
/// <see cref="MaximumScore"/>: one rule strong enough alone (a known business-email-compromise app, forwarding outside
/// the tenant) carries a weight at the High threshold; weaker signals reach it only together.
/// </summary>
public sealed record RiskThresholds(int Medium, int High)
{
    public const int MaximumScore = 100;

    /// <summary>Medium from 40, High from 70: two medium signals together make a high one.</summary>
    public static readonly RiskThresholds Default = new(40, 70);

    public RiskLevel LevelOf(int score) =>
        score <= 0 ? RiskLevel.None
        : score >= High ? RiskLevel.High
        : score >= Medium ? RiskLevel.Medium
        : RiskLevel.Low;
}
