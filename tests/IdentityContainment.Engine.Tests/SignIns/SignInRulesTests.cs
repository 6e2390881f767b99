using IdentityContainment.Detection;
using IdentityContainment.Detection.SignIns;
using IdentityContainment.Engine.Tests.Detection;
using static IdentityContainment.Engine.Tests.SignIns.SignInStory;

namespace IdentityContainment.Engine.Tests.SignIns;

public sealed class SignInRulesTests
{
    private const string AttackerIp = "203.0.113.50";

    private static IEnumerable<RuleCase<SignInCase>> Cases
    {
        get
        {
            SignInFacts morningInLondon = Usual(At(0));

            // The same session (correlation id) once from home and once from the attacker; the near miss is the MFA step
            // of one sign-in, written twice from the same place.
            SignInFacts fromHome = Usual(At(0)) with { CorrelationId = "c0ffee00-0000-4000-8000-000000000001" };
            SignInFacts replayed = Usual(At(0.2)).From(Lagos, AttackerIp) with { CorrelationId = fromHome.CorrelationId };
            SignInFacts mfaStep = Usual(At(0.01)) with { CorrelationId = fromHome.CorrelationId };

            SignInFacts deviceCode = Usual(At(0)) with { AuthenticationProtocol = "deviceCode", AppDisplayName = "Microsoft Authentication Broker" };
            SignInFacts registration = Usual(At(0.5)) with { ResourceId = SignInSignals.DeviceRegistrationServiceId, ResourceDisplayName = "Device Registration Service" };
            SignInFacts lateRegistration = registration with { Id = "late-registration", CreatedDateTime = At(25) };

            DateTimeOffset revoked = At(0);

            return new RuleCase<SignInCase>[]
            {
                // London → New York: 40 minutes is impossible, 8 hours is a flight.
                new("ImpossibleTravel", Case(Usual(At(40.0 / 60)).From(NewYork, "198.51.100.7"), morningInLondon), Case(Usual(At(8)).From(NewYork, "198.51.100.7"), morningInLondon)),
                new("TokenReplay", Case(replayed, fromHome), Case(mfaStep, fromHome)),
                new("OfficeHomeWithoutDevice", Case(Usual(At(0)) with { AppDisplayName = "OfficeHome", AppId = SignInSignals.OfficeHomeAppId, DeviceId = "" }), Case(Usual(At(0)) with { AppDisplayName = "OfficeHome", AppId = SignInSignals.OfficeHomeAppId })),

                // v1.0 has no authenticationProtocol: the same sign-in read from v1.0 is the near miss.
                new("DeviceCodeFlow", Case(deviceCode), Case(deviceCode with { AuthenticationProtocol = null })),
                new("DeviceCodeFlow", Case(Usual(At(0)) with { OriginalTransferMethod = "deviceCodeFlow" }), Case(Usual(At(0)) with { OriginalTransferMethod = "none" })),
                new("DeviceCodeThenDeviceRegistration", Case(deviceCode, registration), Case(deviceCode, lateRegistration)),
                new("LegacyClient", Case(Usual(At(0)) with { ClientAppUsed = "IMAP4" }), Case(Usual(At(0)) with { ClientAppUsed = "Mobile Apps and Desktop clients" })),
                new("LegacyClient", Case(Usual(At(0)) with { ClientAppUsed = "Authenticated SMTP" }), Case(Usual(At(0)) with { ClientAppUsed = "Browser" })),
                new("ToolingUserAgent", Case(Usual(At(0)) with { UserAgent = "python-requests/2.31.0" }), Case(Usual(At(0)) with { UserAgent = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)" })),
                new("ToolingUserAgent", Case(Usual(At(0)) with { UserAgent = "BAV2ROPC" }), Case(Usual(At(0)) with { UserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Mobile/15E148" })),
                new("NewIpAddress", Case(Usual(At(0)) with { IpAddress = "81.2.69.199" }), Case(Usual(At(0)))),
                new("NewCountry", Case(Usual(At(0)).From(Lagos, AttackerIp)), Case(Usual(At(0)) with { IpAddress = "81.2.69.199" })),
                new("PasswordAttemptFailed", Case(Usual(At(0)).Failed(50126)), Case(Usual(At(0)).Failed(50140))),
                new("RepeatedPasswordAttempts", Case(Usual(At(0)).Failed(50126), Attempts(50126, 4)), Case(Usual(At(0)).Failed(50126), Attempts(50126, 3))),
                new("PasswordRightButStopped", Case(Usual(At(0)).Failed(50074)), Case(Usual(At(0)).Failed(50140))),

                // Three denied prompts in an hour is fatigue; three spread over two hours is a user missing notifications.
                new("MfaFatigue", Case(Usual(At(0)).Failed(500121), Attempts(500121, 2)), Case(Usual(At(0)).Failed(500121), Usual(At(-0.5)).Failed(500121), Usual(At(-1.5)).Failed(500121))),
                new("SignInAfterRevocation", Case(Usual(revoked.AddMinutes(5)), revoked), Case(Usual(revoked.AddMinutes(5)).Failed(50126), revoked)),
                new("SignInAfterRevocation", Case(Usual(revoked.AddMinutes(5)), revoked), Case(Usual(revoked.AddMinutes(-5)), revoked)),

                // A revocation long before the window (an old reset) is not this incident's containment.
                new("SignInAfterRevocation", Case(Usual(revoked.AddMinutes(5)), revoked), Case(Usual(revoked.AddMinutes(5)), WindowStart.AddDays(-90))),
                new("DeviceRegistration", Case(registration), Case(registration.Failed(50126))),
                new("EntraRiskHigh", Case(Usual(At(0)) with { RiskLevelDuringSignIn = "high" }), Case(Usual(At(0)) with { RiskLevelDuringSignIn = "hidden" })),
                new("EntraRiskMedium", Case(Usual(At(0)) with { RiskLevelAggregated = "medium" }), Case(Usual(At(0)) with { RiskLevelDuringSignIn = "low" })),
            };
        }
    }

    [Fact]
    public void Each_rule_fires_on_its_case_and_not_on_its_near_miss() =>
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(SignInRules.Table, Cases);

    [Fact]
    public void The_users_ordinary_sign_in_is_not_a_finding()
    {
        Assessment assessment = SignInRules.Table.Assess(Case(Usual(At(0)), Usual(At(-1))));

        Assert.False(assessment.IsFinding, string.Join("; ", assessment.Reasons));
    }

    [Theory]
    [InlineData("London to Paris in 5 minutes: closer than the distance judged", 48.8566, 2.3522, 5.0, false)]
    [InlineData("London to Frankfurt in 35 minutes: within an airliner once both fixes may be 100 km off", 50.1109, 8.6821, 35.0, false)]
    [InlineData("London to Frankfurt in 20 minutes", 50.1109, 8.6821, 20.0, true)]
    [InlineData("London to New York in 8 hours", 40.7128, -74.0060, 480.0, false)]
    [InlineData("London to New York in 40 minutes", 40.7128, -74.0060, 40.0, true)]
    [InlineData("London to New York at the same second", 40.7128, -74.0060, 0.0, true)]
    public void Travel_is_impossible_only_beyond_an_airliner_allowing_for_geolocation_error(string trip, double latitude, double longitude, double minutes, bool impossible)
    {
        SignInFacts london = Usual(At(0));
        SignInFacts there = Usual(At(minutes / 60)) with { City = trip, CountryOrRegion = "XX", Latitude = latitude, Longitude = longitude, IpAddress = "198.51.100.9" };

        Journey journey = SignInRules.Travel(Case(there, london))!;

        Assert.Equal(impossible, journey.IsImpossible);
    }

    [Fact]
    public void Travel_is_measured_from_the_last_successful_sign_in_not_a_failed_attempt_in_between()
    {
        SignInFacts london = Usual(At(0));
        SignInFacts failedFromNewYork = Usual(At(1)).From(NewYork, "198.51.100.7").Failed(50126);
        SignInFacts parisLater = Usual(At(2)).From(Paris, "198.51.100.8");

        Journey journey = SignInRules.Travel(Case(parisLater, london, failedFromNewYork))!;

        Assert.Same(london, journey.From);
        Assert.False(journey.IsImpossible);
    }

    [Fact]
    public void Entries_without_an_id_are_still_told_apart()
    {
        SignInFacts london = Usual(At(0)) with { Id = string.Empty };
        SignInFacts newYork = Usual(At(40.0 / 60)).From(NewYork, "198.51.100.7") with { Id = string.Empty, CorrelationId = london.CorrelationId };

        Assessment assessment = SignInRules.Table.Assess(Case(newYork, london));

        Assert.Contains("ImpossibleTravel", assessment.ReasonCodes);
        Assert.Contains("TokenReplay", assessment.ReasonCodes);
    }

    [Fact]
    public void A_sign_in_without_coordinates_makes_no_journey()
    {
        SignInFacts unlocated = Usual(At(0.1)) with { Latitude = null, Longitude = null, City = null, CountryOrRegion = "US" };

        Assert.Null(SignInRules.Travel(Case(unlocated, Usual(At(0)))));
    }

    [Fact]
    public void London_to_New_York_is_about_5570_km()
    {
        double km = GreatCircle.Kilometres(London.Latitude, London.Longitude, NewYork.Latitude, NewYork.Longitude);

        Assert.InRange(km, 5550, 5590);
    }

    [Fact]
    public void Without_sign_ins_before_the_window_nothing_is_new_for_the_user()
    {
        SignInFacts fromLagos = Usual(At(0)).From(Lagos, AttackerIp);
        var history = History(new[] { fromLagos });

        Assessment assessment = SignInRules.Table.Assess(new SignInCase(fromLagos, history));

        Assert.DoesNotContain("NewIpAddress", assessment.ReasonCodes);
        Assert.DoesNotContain("NewCountry", assessment.ReasonCodes);
    }

    [Fact]
    public void A_device_registration_known_from_the_audit_log_follows_a_device_code_sign_in()
    {
        SignInFacts deviceCode = Usual(At(0)) with { AuthenticationProtocol = "deviceCode" };
        var history = History(Baseline().Append(deviceCode), registrations: new[] { At(2) });

        Assessment assessment = SignInRules.Table.Assess(new SignInCase(deviceCode, history));

        Assert.Contains("DeviceCodeThenDeviceRegistration", assessment.ReasonCodes);
        Assert.Contains(assessment.Hits, h => h.Reason.Contains("2 hours after"));
    }

    [Fact]
    public void An_unknown_status_is_not_a_success()
    {
        SignInFacts unknown = Usual(At(0)) with { ErrorCode = IdentityContainment.SignIns.SignInJson.UnknownErrorCode };

        Assert.False(unknown.Succeeded);
        Assert.DoesNotContain("SignInAfterRevocation", SignInRules.Table.Assess(Case(unknown, At(-1))).ReasonCodes);
    }

    [Fact]
    public void Reasons_name_the_places_the_time_and_the_speed()
    {
        SignInFacts london = Usual(At(0)) with { IpAddress = HomeIp };
        SignInFacts newYork = Usual(At(40.0 / 60)).From(NewYork, "198.51.100.7");

        RuleHit hit = SignInRules.Table.Assess(Case(newYork, london)).Hits.Single(h => h.RuleId == "ImpossibleTravel");

        Assert.Contains("New York, US (198.51.100.7) 40 minutes after", hit.Reason);
        Assert.Contains("London, GB (" + HomeIp + ")", hit.Reason);
        Assert.Contains("5,5", hit.Reason);
    }

    /// <summary><paramref name="count"/> failures with <paramref name="errorCode"/> in the 40 minutes before the judged sign-in.</summary>
    private static SignInFacts[] Attempts(int errorCode, int count) =>
        Enumerable.Range(1, count).Select(i => Usual(At(-i * 10.0 / 60)).Failed(errorCode)).ToArray();
}
