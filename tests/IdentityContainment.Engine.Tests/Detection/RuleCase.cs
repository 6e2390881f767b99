using IdentityContainment.Detection;

namespace IdentityContainment.Engine.Tests.Detection;

/// <summary>One row of a rule table's test: a subject the rule must fire on, and a near miss it must not fire on.</summary>
public sealed record RuleCase<TSubject>(string RuleId, TSubject FiresOn, TSubject NearMiss)
{
    public override string ToString() => RuleId;
}

/// <summary>The table-driven check every capability's rule table gets.</summary>
public static class RuleTableAssert
{
    /// <summary>
    /// Each rule fires on its case and not on its near miss, and no rule of the table goes without a case: a rule
    /// added without a test fails here.
    /// </summary>
    public static void EachRuleFiresOnItsCaseAndNotOnItsNearMiss<TSubject>(RuleTable<TSubject> table, IEnumerable<RuleCase<TSubject>> cases)
    {
        RuleCase<TSubject>[] rows = cases.ToArray();
        string[] untested = table.Rules.Select(r => r.Id).Where(id => rows.All(c => !string.Equals(c.RuleId, id, StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.True(untested.Length == 0, $"Rules without a case: {string.Join(", ", untested)}.");
        string[] unknown = rows.Select(c => c.RuleId).Where(id => table.Rules.All(r => !string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.True(unknown.Length == 0, $"Cases for rules the table does not have: {string.Join(", ", unknown)}.");

        foreach (RuleCase<TSubject> row in rows)
        {
            Assert.True(Fired(table, row.FiresOn, row.RuleId), $"{row.RuleId} did not fire on its case {row.FiresOn}.");
            Assert.False(Fired(table, row.NearMiss, row.RuleId), $"{row.RuleId} fired on its near miss {row.NearMiss}.");
        }
    }

    private static bool Fired<TSubject>(RuleTable<TSubject> table, TSubject subject, string ruleId) =>
        table.Assess(subject).Hits.Any(h => string.Equals(h.RuleId, ruleId, StringComparison.OrdinalIgnoreCase));
}
