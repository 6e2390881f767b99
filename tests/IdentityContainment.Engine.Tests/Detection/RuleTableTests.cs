using IdentityContainment.Detection;
using Xunit.Sdk;

namespace IdentityContainment.Engine.Tests.Detection;

public sealed class RuleTableTests
{
    /// <summary>A small table over forwarding addresses, shaped like the mailbox rules the capabilities will bring.</summary>
    private static readonly RuleTable<string> Forwarding = new(new[]
    {
        new DetectionRule<string>("ForwardsOutside", 70, to => !to.EndsWith("@contoso.com", StringComparison.OrdinalIgnoreCase), to => $"forwards to {to}, outside the tenant"),
        new DetectionRule<string>("ForwardsToFreeMail", 20, to => to.EndsWith("@gmail.com", StringComparison.OrdinalIgnoreCase), "forwards to a free mail service"),
        new DetectionRule<string>("ForwardsToFinance", 45, to => to.Contains("ap.", StringComparison.OrdinalIgnoreCase), "forwards to an accounts-payable look-alike"),
    });

    [Fact]
    public void Every_rule_that_fires_is_kept_in_the_tables_order_with_its_reason_for_this_subject()
    {
        Assessment assessment = Forwarding.Assess("ap.archive@gmail.com");

        Assert.Equal(new[] { "ForwardsOutside", "ForwardsToFreeMail", "ForwardsToFinance" }, assessment.ReasonCodes);
        Assert.Equal("forwards to ap.archive@gmail.com, outside the tenant", assessment.Reasons[0]);
        Assert.True(assessment.IsFinding);
    }

    [Theory]
    [InlineData("adele@contoso.com", 0, RiskLevel.None)]
    [InlineData("ap.team@contoso.com", 45, RiskLevel.Medium)]
    [InlineData("someone@fabrikam.com", 70, RiskLevel.High)]
    [InlineData("ap.archive@gmail.com", 100, RiskLevel.High)]     // 70 + 20 + 45, capped
    public void The_score_is_the_sum_of_the_weights_capped_at_a_hundred_and_the_level_follows_it(string to, int score, RiskLevel level)
    {
        Assessment assessment = Forwarding.Assess(to);

        Assert.Equal(score, assessment.Score);
        Assert.Equal(level, assessment.Level);
    }

    [Theory]
    [InlineData(1, RiskLevel.Low)]
    [InlineData(39, RiskLevel.Low)]
    [InlineData(40, RiskLevel.Medium)]
    [InlineData(69, RiskLevel.Medium)]
    [InlineData(70, RiskLevel.High)]
    public void Default_thresholds_make_two_medium_signals_a_high_one(int score, RiskLevel level)
    {
        Assert.Equal(level, RiskThresholds.Default.LevelOf(score));
    }

    [Fact]
    public void A_table_refuses_two_rules_with_one_id()
    {
        var rules = new[]
        {
            new DetectionRule<string>("Same", 10, _ => true, "one"),
            new DetectionRule<string>("same", 20, _ => true, "two"),
        };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new RuleTable<string>(rules));
        Assert.Contains("'same'", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_rule_without_weight_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DetectionRule<string>("Nothing", 0, _ => true, "adds nothing"));
    }

    [Fact]
    public void Each_rule_fires_on_its_case_and_not_on_its_near_miss()
    {
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(Forwarding, new[]
        {
            new RuleCase<string>("ForwardsOutside", "x@fabrikam.com", "x@CONTOSO.com"),
            new RuleCase<string>("ForwardsToFreeMail", "x@gmail.com", "x@gmail.com.example"),
            new RuleCase<string>("ForwardsToFinance", "ap.team@contoso.com", "apteam@contoso.com"),
        });
    }

    [Fact]
    public void The_table_check_fails_for_a_rule_without_a_case()
    {
        XunitException failure = Assert.ThrowsAny<XunitException>(() => RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(Forwarding, new[]
        {
            new RuleCase<string>("ForwardsOutside", "x@fabrikam.com", "x@contoso.com"),
        }));

        Assert.Contains("ForwardsToFreeMail, ForwardsToFinance", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_check_fails_for_a_rule_that_fires_on_its_near_miss()
    {
        Assert.ThrowsAny<XunitException>(() => RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(Forwarding, new[]
        {
            new RuleCase<string>("ForwardsOutside", "x@fabrikam.com", "x@fabrikam.net"),
            new RuleCase<string>("ForwardsToFreeMail", "x@gmail.com", "y@fabrikam.com"),
            new RuleCase<string>("ForwardsToFinance", "ap.team@contoso.com", "apteam@contoso.com"),
        }));
    }

    [Fact]
    public void A_finding_is_at_least_the_minimum_risk_asked_for()
    {
        var finding = new SampleFinding { RiskLevel = "Medium", Score = 45 };

        Assert.True(finding.IsAtLeast(RiskLevel.Low));
        Assert.True(finding.IsAtLeast(RiskLevel.Medium));
        Assert.False(finding.IsAtLeast(RiskLevel.High));
    }

    private sealed class SampleFinding : Finding
    {
    }
}
