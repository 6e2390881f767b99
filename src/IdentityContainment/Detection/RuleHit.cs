namespace IdentityContainment.Detection;

/// <summary>A rule that fired: its id, what it added to the score, and why, in words an analyst reads.</summary>
public sealed record RuleHit(string RuleId, int Weight, string Reason)
{
    public override string ToString() => $"{RuleId}: {Reason}";
}
