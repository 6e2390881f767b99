using IdentityContainment.AuthenticationMethods;
using IdentityContainment.Detection;
using IdentityContainment.Detection.AuthenticationMethods;

namespace IdentityContainment.Engine.Tests.AuthenticationMethods;

/// <summary>Which judged methods a hunt writes: -MinimumRisk, -IncludeNonSuspicious, and kinds the module does not know.</summary>
public sealed class MethodHuntOptionsTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Phone", "High", "High", false, true)]
    [InlineData("Phone", "Medium", "High", false, false)]
    [InlineData("Phone", "Low", "Low", false, true)]
    [InlineData("Phone", "None", "Low", false, false)]
    [InlineData("Phone", "None", "Low", true, true)]
    [InlineData("Phone", "Medium", "High", true, false)]
    [InlineData("Unknown", "Medium", "High", false, true)]
    [InlineData("Unknown", "None", "High", false, true)]
    public void A_finding_is_written_at_or_above_the_minimum_a_clean_one_only_when_asked_and_an_unknown_kind_always(
        string type, string level, string minimum, bool includeNonSuspicious, bool written)
    {
        var options = new MethodHuntOptions { MinimumRisk = Enum.Parse<RiskLevel>(minimum), IncludeNonSuspicious = includeNonSuspicious };

        Assert.Equal(written, options.Reports(new AuthenticationMethodFinding { Type = type, RiskLevel = level }));
    }

    [Fact]
    public void The_users_own_method_is_no_finding_unless_asked_and_then_one_with_risk_None_and_no_reasons()
    {
        var own = new AuthenticationMethodFacts
        {
            UserId = "u1", Id = "m1", Type = AuthenticationMethodType.MicrosoftAuthenticator, DisplayName = "iPhone 14", CreatedDateTime = Since.AddDays(-300),
        };
        var criteria = new MethodReviewCriteria { Since = Since };

        AuthenticationMethodFinding? included = AuthenticationMethodJudge.Judge(own, criteria, includeNonSuspicious: true);

        Assert.Null(AuthenticationMethodJudge.Judge(own, criteria));
        Assert.NotNull(included);
        Assert.Equal(("None", 0, "m1", "iPhone 14"), (included.RiskLevel, included.Score, included.MethodId, included.DisplayDetail));
        Assert.Empty(included.Reasons);
        Assert.Null(AuthenticationMethodJudge.Judge(own with { Type = AuthenticationMethodType.Password }, criteria, includeNonSuspicious: true));
    }
}
