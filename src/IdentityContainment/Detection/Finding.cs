namespace IdentityContainment.Detection;

/// <summary>
/// What every finding carries besides what it found: the risk level and score, and each rule that fired. Flat for
/// runbooks and JSON: <see cref="ReasonCodes"/> to filter on, <see cref="Reasons"/> to read.
/// </summary>
public abstract class Finding
{
    /// <summary>None, Low, Medium or High.</summary>
    public string RiskLevel { get; init; } = nameof(Detection.RiskLevel.None);

    /// <summary>The sum of the weights of the rules that fired, 0 to 100.</summary>
    public int Score { get; init; }

    /// <summary>The ids of the rules that fired, in the table's order.</summary>
    public string[] ReasonCodes { get; init; } = Array.Empty<string>();

    /// <summary>Why, one sentence per rule that fired.</summary>
    public string[] Reasons { get; init; } = Array.Empty<string>();

    /// <summary>The level as the enum -MinimumRisk compares.</summary>
    public RiskLevel Level => Enum.TryParse(RiskLevel, out RiskLevel level) ? level : Detection.RiskLevel.None;

    /// <summary>True when the finding is at least <paramref name="minimum"/> (-MinimumRisk).</summary>
    public bool IsAtLeast(RiskLevel minimum) => Level >= minimum;
}
