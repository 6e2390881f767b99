namespace IdentityContainment.Detection;

/// <summary>What a rule table made of one subject: every rule that fired, the score they add up to, and the level.</summary>
public sealed record Assessment(IReadOnlyList<RuleHit> Hits, int Score, RiskLevel Level)
{
    public static readonly Assessment Clean = new(Array.Empty<RuleHit>(), 0, RiskLevel.None);

    /// <summary>True when any rule fired.</summary>
    public bool IsFinding => Hits.Count > 0;

    /// <summary>The ids of the rules that fired, for a finding's ReasonCodes.</summary>
    public string[] ReasonCodes => Hits.Select(h => h.RuleId).ToArray();

    /// <summary>The reasons of the rules that fired, for a finding's Reasons.</summary>
    public string[] Reasons => Hits.Select(h => h.Reason).ToArray();
}
