namespace IdentityContainment.Detection;

/// <summary>
/// A capability's rules, as data: each evaluated on every subject, every one that fires kept (a finding shows all its
/// reasons, not the first), their weights summed into the score. Rule ids are unique within a table.
/// </summary>
public sealed class RuleTable<TSubject>
{
    private readonly DetectionRule<TSubject>[] _rules;

    public RuleTable(IEnumerable<DetectionRule<TSubject>> rules, RiskThresholds? thresholds = null)
    {
        _rules = rules?.ToArray() ?? throw new ArgumentNullException(nameof(rules));
        string? repeated = _rules.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
        {
            throw new ArgumentException($"Rule id '{repeated}' appears more than once; each rule needs an id of its own.", nameof(rules));
        }

        Thresholds = thresholds ?? RiskThresholds.Default;
    }

    public IReadOnlyList<DetectionRule<TSubject>> Rules => _rules;

    public RiskThresholds Thresholds { get; }

    public Assessment Assess(TSubject subject)
    {
        RuleHit[] hits = _rules.Select(rule => rule.Evaluate(subject)).OfType<RuleHit>().ToArray();
        if (hits.Length == 0)
        {
            return Assessment.Clean;
        }

        int score = Math.Min(RiskThresholds.MaximumScore, hits.Sum(h => h.Weight));
        return new Assessment(hits, score, Thresholds.LevelOf(score));
    }
}
