using IdentityContainment.Detection;
using IdentityContainment.Detection.SignIns;
using static IdentityContainment.Engine.Tests.SignIns.SignInStory;

namespace IdentityContainment.Engine.Tests.SignIns;

public sealed class SignInJudgeTests
{
    [Fact]
    public void A_flight_to_New_York_is_ordinary_and_the_attackers_sign_in_from_Lagos_is_High_not_the_users_return_home()
    {
        SignInFacts london = Usual(At(0));
        SignInFacts landed = Usual(At(8)).From(NewYork, "198.51.100.7");
        SignInFacts home = Usual(At(20));
        SignInFacts attacker = Usual(At(21)).From(Lagos, "203.0.113.50").WithoutDevice();
        SignInFacts backHome = Usual(At(21 + (40.0 / 60)));
        SignInHistory history = History(Baseline().Concat(new[] { london, landed, home, attacker, backHome }));

        SignInFinding[] all = SignInJudge.Judge(history, includeNonSuspicious: true).ToArray();

        // New York is a new country for the user, but no impossible trip: no travel reason.
        SignInFinding flight = all.Single(f => f.SignInId == landed.Id);
        Assert.DoesNotContain("ImpossibleTravel", flight.ReasonCodes);
        Assert.NotEqual(nameof(RiskLevel.High), flight.RiskLevel);

        // London → Lagos in an hour and Lagos → London in 40 minutes: both trips are the attacker's, the new end.
        SignInFinding lagos = all.Single(f => f.SignInId == attacker.Id);
        Assert.Contains("ImpossibleTravel", lagos.ReasonCodes);
        Assert.Equal(nameof(RiskLevel.High), lagos.RiskLevel);
        Assert.Equal("203.0.113.50", lagos.IpAddress);
        Assert.Equal("Lagos, NG", lagos.Location);
        Assert.Equal("Success", lagos.Status);
        Assert.Equal(attacker.CorrelationId, lagos.CorrelationId);

        // The user's sign-ins from home either side of it are the known ends: quiet.
        Assert.Equal(nameof(RiskLevel.None), all.Single(f => f.SignInId == home.Id).RiskLevel);
        Assert.Equal(nameof(RiskLevel.None), all.Single(f => f.SignInId == backHome.Id).RiskLevel);
    }

    [Fact]
    public void Only_the_window_is_judged_and_ordinary_sign_ins_are_left_out_unless_asked_for()
    {
        SignInFacts ordinary = Usual(At(0));
        SignInFacts legacy = Usual(At(1)) with { ClientAppUsed = "POP3" };
        SignInHistory history = History(Baseline().Concat(new[] { ordinary, legacy }));

        SignInFinding[] suspicious = SignInJudge.Judge(history).ToArray();
        SignInFinding[] all = SignInJudge.Judge(history, includeNonSuspicious: true).ToArray();

        Assert.Equal(new[] { legacy.Id }, suspicious.Select(f => f.SignInId));
        Assert.Equal(new[] { ordinary.Id, legacy.Id }, all.Select(f => f.SignInId));
        Assert.Equal(nameof(RiskLevel.None), all[0].RiskLevel);
        Assert.Empty(all[0].Reasons);
    }

    [Fact]
    public void A_failed_sign_in_reports_its_error_code_and_reason()
    {
        SignInFacts failed = Usual(At(0)).Failed(50126);

        SignInFinding finding = SignInJudge.Judge(History(Baseline().Append(failed))).Single();

        Assert.Equal("Failure 50126", finding.Status);
        Assert.Equal(50126, finding.ErrorCode);
        Assert.Contains(finding.Reasons, r => r.Contains("invalid user name or password"));
    }

    [Fact]
    public void The_summary_gives_each_users_earliest_sign_in_of_Medium_risk_or_more()
    {
        SignInFinding Finding(string user, double hours, string level) => new()
        {
            UserId = user,
            SignInId = $"{user}-{hours}",
            CreatedDateTime = At(hours),
            RiskLevel = level,
            Score = level == "High" ? 70 : level == "Medium" ? 40 : 15,
        };

        SignInFinding[] findings =
        {
            Finding("adele", 5, "High"),
            Finding("adele", 1, "Low"),       // earlier, but a new IP alone does not start a compromise
            Finding("adele", 3, "Medium"),
            Finding("alex", 2, "High"),
            Finding("megan", 0, "Low"),
        };

        IReadOnlyList<SignInFinding> earliest = SignInSummary.EarliestPerUser(findings);

        Assert.Equal(new[] { "adele-3", "alex-2" }, earliest.Select(f => f.SignInId));
        Assert.Equal(new[] { "adele-1", "alex-2", "megan-0" }, SignInSummary.EarliestPerUser(findings, RiskLevel.Low).Select(f => f.SignInId));
    }

    [Fact]
    public void A_spray_against_the_user_then_a_success_from_the_sprayers_country_after_revocation_adds_up()
    {
        DateTimeOffset revoked = At(-2);
        SignInFacts[] spray = Enumerable.Range(0, 6).Select(i => Usual(At(i * 5.0 / 60)).From(Lagos, "203.0.113." + (10 + i)).WithoutDevice().Failed(50126)).ToArray();
        SignInFacts inside = Usual(At(1)).From(Lagos, "203.0.113.99") with { AppDisplayName = "OfficeHome", AppId = SignInSignals.OfficeHomeAppId, DeviceId = "" };
        SignInHistory history = History(Baseline().Concat(spray).Append(inside), revoked);

        SignInFinding success = SignInJudge.Judge(history).Single(f => f.SignInId == inside.Id);

        Assert.Equal(
            new[] { "OfficeHomeWithoutDevice", "NewIpAddress", "NewCountry", "SignInAfterRevocation" },
            success.ReasonCodes);
        Assert.Equal(RiskThresholds.MaximumScore, success.Score);
        Assert.Contains("RepeatedPasswordAttempts", SignInJudge.Judge(history).Single(f => f.SignInId == spray[5].Id).ReasonCodes);
    }
}
