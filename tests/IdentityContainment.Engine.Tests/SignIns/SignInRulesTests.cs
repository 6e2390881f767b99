using IdentityContainment.Detection;
using IdentityContainment.Detection.SignIns;
using IdentityContainment.Engine.Tests.Detection;
using static IdentityContainment.Engine.Tests.SignIns.SignInStory;

namespace IdentityContainment.Engine.Tests.SignIns;

public sealed class SignInRulesTests
{
    private const string AttackerIp = "203.0.113.50";

    private const string LteIp = "81.2.69.201";
    private const string HomeIpv6 = "2a02:c7c:51f4:8b00:1c2d:3e4f:5a6b:7c8d";
    private const string HomeIpv6OtherInterface = "2a02:c7c:51f4:8b00:9e8d:7c6b:5a4f:3e2d";
    private const string OtherIpv6Network = "2a02:c7c:51f4:8b01::5";

    private static IEnumerable<RuleCase<SignInCase>> Cases
    {
        get
        {
            SignInFacts morningInLondon = Usual(At(0));

            // The attacker's sign-in from Lagos and the victim's next one from home 40 minutes later: the new end is to blame.
            SignInFacts lagos = Usual(At(0)).From(Lagos, AttackerIp).WithoutDevice();
            SignInFacts homeAfterLagos = Usual(At(40.0 / 60));

            // New York known from before the window (a VPN egress the user has used), then London 40 minutes after it.
            SignInFacts newYorkBefore = Usual(WindowStart.AddDays(-2)).From(NewYork, "198.51.100.7");
            SignInFacts newYorkInWindow = Usual(At(0)).From(NewYork, "198.51.100.7");

            // One flow (correlation id) from home and from the attacker; the near misses are one flow moving network.
            SignInFacts fromHome = Usual(At(0)) with { CorrelationId = "c0ffee00-0000-4000-8000-000000000001" };
            SignInFacts replayed = Usual(At(0.2)).From(Lagos, AttackerIp).WithoutDevice() with { CorrelationId = fromHome.CorrelationId };
            SignInFacts replayedHoursLater = replayed with { Id = "replayed-later", CreatedDateTime = At(3) };
            SignInFacts onLte = Usual(At(0.05)) with { IpAddress = LteIp, CorrelationId = fromHome.CorrelationId };
            SignInFacts flowInNewYork = Usual(At(0)).From(NewYork, "198.51.100.7") with { CorrelationId = "c0ffee00-0000-4000-8000-000000000002" };
            SignInFacts sameFlowInLosAngeles = Usual(At(0.1)).From(LosAngeles, "198.51.100.99") with { CorrelationId = flowInNewYork.CorrelationId };
            SignInFacts overIpv6 = Usual(At(0)) with { IpAddress = HomeIpv6, CorrelationId = "c0ffee00-0000-4000-8000-000000000003" };
            SignInFacts thenIpv4 = Usual(At(0.01)) with { CorrelationId = overIpv6.CorrelationId };
            SignInFacts otherIpv6Interface = Usual(At(0.01)) with { IpAddress = HomeIpv6OtherInterface, CorrelationId = overIpv6.CorrelationId };

            SignInFacts deviceCode = Usual(At(0)) with { AuthenticationProtocol = "deviceCode", AppDisplayName = "Microsoft Authentication Broker" };
            SignInFacts registration = Usual(At(0.5)) with { ResourceId = SignInSignals.DeviceRegistrationServiceId, ResourceDisplayName = "Device Registration Service" };
            SignInFacts lateRegistration = registration with { Id = "late-registration", CreatedDateTime = At(25) };

            // The proxy's sign-in (Medium on its own), then the broker registering a device from the same place.
            SignInFacts proxied = lagos with { Id = "proxied", AppDisplayName = "OfficeHome", AppId = SignInSignals.OfficeHomeAppId };
            SignInFacts brokerToRegistration = Usual(At(2)).From(Lagos, AttackerIp).WithoutDevice() with
            {
                AppId = SignInSignals.AuthenticationBrokerAppId,
                AppDisplayName = SignInSignals.AuthenticationBrokerName,
                ResourceId = SignInSignals.DeviceRegistrationServiceId,
                ResourceDisplayName = SignInSignals.DeviceRegistrationServiceName,
            };
            SignInFacts brokerToGraph = brokerToRegistration with { Id = "broker-graph", ResourceId = "00000003-0000-0000-c000-000000000000", ResourceDisplayName = "Microsoft Graph" };
            SignInFacts ownBrokerRegistration = Usual(At(2)) with
            {
                AppId = SignInSignals.AuthenticationBrokerAppId,
                AppDisplayName = SignInSignals.AuthenticationBrokerName,
                ResourceId = SignInSignals.DeviceRegistrationServiceId,
                ResourceDisplayName = SignInSignals.DeviceRegistrationServiceName,
            };

            // Failed password attempts: from five new networks (spray), from one new network abroad (guessing), and the near
            // misses a stale client of the user's own makes.
            SignInFacts sprayed = Usual(At(0)).From(London, "198.51.100.10").WithoutDevice().Failed(50126);
            SignInFacts[] sprayedBefore = Enumerable.Range(1, 4).Select(i => Usual(At(-i * 5.0 / 60)).From(London, "198.51.100." + (10 + i)).WithoutDevice().Failed(50126)).ToArray();
            SignInFacts guessedFromLagos = lagos.Failed(50126);
            SignInFacts staleActiveSync = Usual(At(0)).WithoutDevice().Failed(50126) with { ClientAppUsed = "Exchange ActiveSync" };
            SignInFacts staleOnLte = staleActiveSync with { Id = "stale-lte", IpAddress = LteIp };
            SignInFacts disabledLoop = Usual(At(0)).WithoutDevice().Failed(50057) with { ClientAppUsed = "Exchange ActiveSync" };

            // An MFA interrupt: from the attacker and never completed; completed under its correlation id; from home.
            SignInFacts stoppedAtMfa = lagos.Failed(50074);
            SignInFacts completedFlow = stoppedAtMfa with { Id = "completed", CreatedDateTime = At(0.01), ErrorCode = 0, FailureReason = null };
            SignInFacts completedByRetry = completedFlow with { Id = "retried", CorrelationId = Guid.NewGuid().ToString(), CreatedDateTime = At(0.1) };

            SignInFacts prompt = lagos.Failed(500121);
            SignInFacts homePrompt = Usual(At(0)).Failed(500121);

            // The attacker's spray failed from their IP before the window: that does not make it a known IP.
            SignInFacts sprayBeforeWindow = Usual(WindowStart.AddDays(-2)).From(Lagos, AttackerIp).WithoutDevice().Failed(50126);
            SignInFacts successBeforeWindow = sprayBeforeWindow with { Id = "before-success", ErrorCode = 0, FailureReason = null };
            SignInFacts ipv6Before = Usual(WindowStart.AddDays(-2)) with { IpAddress = HomeIpv6 };

            DateTimeOffset revoked = At(0);
            SignInFacts attackerAfterRevocation = Usual(revoked.AddMinutes(5)).From(Lagos, AttackerIp).WithoutDevice();
            SignInFacts laptopInHotel = Usual(revoked.AddMinutes(5)).From(Paris, "198.51.100.30");

            return new RuleCase<SignInCase>[]
            {
                // London → New York: 40 minutes is impossible, 8 hours is a flight.
                new("ImpossibleTravel", Case(Usual(At(40.0 / 60)).From(NewYork, "198.51.100.7").WithoutDevice(), morningInLondon), Case(Usual(At(8)).From(NewYork, "198.51.100.7").WithoutDevice(), morningInLondon)),

                // The victim's sign-in from home after the attacker's is the known end: the attacker's (the start of the trip) is flagged.
                new("ImpossibleTravel", Case(lagos, homeAfterLagos), Case(homeAfterLagos, lagos)),
                new("TravelBetweenUsualPlaces", Case(Usual(At(40.0 / 60)), newYorkInWindow, newYorkBefore), Case(Usual(At(40.0 / 60)), newYorkInWindow)),

                // Another country or an impossible trip within one flow and one hour is replay; the same flow hours later is not compared.
                new("TokenReplay", Case(replayed, fromHome), Case(onLte, fromHome)),
                new("TokenReplay", Case(sameFlowInLosAngeles, flowInNewYork), Case(replayedHoursLater, fromHome)),
                new("TokenReplay", Case(fromHome, replayed), Case(thenIpv4, overIpv6)),

                // Wi-Fi to mobile data, or IPv6 then IPv4, in one flow: Low. Two addresses of one IPv6 /64 are one network.
                new("CorrelationAcrossNetworks", Case(onLte, fromHome), Case(otherIpv6Interface, overIpv6)),
                new("CorrelationAcrossNetworks", Case(thenIpv4, overIpv6), Case(replayed, fromHome)),
                new("OfficeHomeWithoutDevice", Case(Usual(At(0)) with { AppDisplayName = "OfficeHome", AppId = SignInSignals.OfficeHomeAppId, DeviceId = "" }), Case(Usual(At(0)) with { AppDisplayName = "OfficeHome", AppId = SignInSignals.OfficeHomeAppId })),

                // v1.0 has no authenticationProtocol: the same sign-in read from v1.0 is the near miss.
                new("DeviceCodeFlow", Case(deviceCode), Case(deviceCode with { AuthenticationProtocol = null })),
                new("DeviceCodeFlow", Case(Usual(At(0)) with { OriginalTransferMethod = "deviceCodeFlow" }), Case(Usual(At(0)) with { OriginalTransferMethod = "none" })),
                new("DeviceCodeThenDeviceRegistration", Case(deviceCode, registration), Case(deviceCode, lateRegistration)),

                // What v1.0 shows of device-code phishing for a device: a flagged sign-in, then the broker registering a device.
                new("BrokerAfterFlaggedSignIn", Case(brokerToRegistration, proxied), Case(ownBrokerRegistration, Usual(At(0)))),
                new("BrokerAfterFlaggedSignIn", Case(brokerToRegistration, proxied), Case(brokerToRegistration, proxied with { CreatedDateTime = At(-5) })),
                new("BrokerAfterFlaggedSignIn", WithRegistration(brokerToGraph, At(3), proxied), WithRegistration(brokerToGraph, At(30), proxied)),
                new("LegacyClient", Case(Usual(At(0)) with { ClientAppUsed = "IMAP4" }), Case(Usual(At(0)) with { ClientAppUsed = "Mobile Apps and Desktop clients" })),
                new("LegacyClient", Case(Usual(At(0)) with { ClientAppUsed = "Authenticated SMTP" }), Case(Usual(At(0)) with { ClientAppUsed = "Browser" })),

                // A failed legacy sign-in counts as part of guessing, not as the user's phone retrying, at home or on mobile data.
                new("LegacyClient", Case(guessedFromLagos with { ClientAppUsed = "IMAP4" }, Repeats(guessedFromLagos with { ClientAppUsed = "IMAP4" }, 4)), Case(staleActiveSync, Repeats(staleActiveSync, 11))),
                new("LegacyClient", Case(guessedFromLagos with { ClientAppUsed = "IMAP4" }, Repeats(guessedFromLagos with { ClientAppUsed = "IMAP4" }, 4)), Case(staleOnLte, Repeats(staleOnLte, 11))),
                new("ToolingUserAgent", Case(Usual(At(0)) with { UserAgent = "python-requests/2.31.0" }), Case(Usual(At(0)) with { UserAgent = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)" })),
                new("ToolingUserAgent", Case(Usual(At(0)) with { UserAgent = "BAV2ROPC" }), Case(Usual(At(0)) with { UserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Mobile/15E148" })),
                new("NewIpAddress", Case(Usual(At(0)) with { IpAddress = "81.2.69.199" }), Case(Usual(At(0)))),

                // The baseline is successful sign-ins only: a failed spray before the window does not make the IP known.
                new("NewIpAddress", Case(lagos, sprayBeforeWindow), Case(lagos, successBeforeWindow)),
                new("NewIpAddress", Case(Usual(At(0)) with { IpAddress = OtherIpv6Network }, ipv6Before), Case(Usual(At(0)) with { IpAddress = HomeIpv6OtherInterface }, ipv6Before)),
                new("NewCountry", Case(Usual(At(0)).From(Lagos, AttackerIp)), Case(Usual(At(0)) with { IpAddress = "81.2.69.199" })),
                new("NewCountry", Case(lagos, sprayBeforeWindow), Case(lagos, successBeforeWindow)),
                new("PasswordAttemptFailed", Case(Usual(At(0)).Failed(50126)), Case(Usual(At(0)).Failed(50140))),

                // Spray: five failures from five new networks; the user's stale ActiveSync client, a dozen times from home, is not.
                new("RepeatedPasswordAttempts", Case(sprayed, sprayedBefore), Case(staleActiveSync, Repeats(staleActiveSync, 11))),
                new("RepeatedPasswordAttempts", Case(sprayed, sprayedBefore), Case(sprayed, sprayedBefore.Skip(1).ToArray())),

                // Guessing from one new network counts abroad; one new network at home is the user's phone on mobile data.
                new("RepeatedPasswordAttempts", Case(guessedFromLagos, Repeats(guessedFromLagos, 4)), Case(staleOnLte, Repeats(staleOnLte, 11))),

                // After the account is disabled, the user's own clients loop on 50057.
                new("RepeatedPasswordAttempts", Case(guessedFromLagos.Failed(50057), Repeats(guessedFromLagos.Failed(50057), 4)), Case(disabledLoop, Repeats(disabledLoop, 11))),

                // Every MFA sign-in logs 50074 before its success: only a flow that never went on, from a new source, counts.
                new("PasswordRightButStopped", Case(stoppedAtMfa), Case(stoppedAtMfa, completedFlow)),
                new("PasswordRightButStopped", Case(stoppedAtMfa), Case(stoppedAtMfa, completedByRetry)),
                new("PasswordRightButStopped", Case(stoppedAtMfa), Case(Usual(At(0)).Failed(50074))),

                // Five prompts from a new source in 40 minutes is push bombing; three, or a dozen from home, is a phone that is offline.
                new("MfaFatigue", Case(prompt, Repeats(prompt, 4)), Case(prompt, Repeats(prompt, 2))),
                new("MfaFatigue", Case(prompt, Repeats(prompt, 4)), Case(homePrompt, Repeats(homePrompt, 11))),
                new("SignInAfterRevocation", Case(attackerAfterRevocation, revoked), Case(attackerAfterRevocation.Failed(50126), revoked)),
                new("SignInAfterRevocation", Case(attackerAfterRevocation, revoked), Case(attackerAfterRevocation with { CreatedDateTime = revoked.AddMinutes(-5) }, revoked)),

                // A revocation long before the window (an old reset) is not this incident's containment.
                new("SignInAfterRevocation", Case(attackerAfterRevocation, revoked), Case(attackerAfterRevocation, WindowStart.AddDays(-90))),

                // The re-sign-in the revocation forces on the user, from home or on the user's own laptop elsewhere, is Low.
                new("SignInAfterRevocation", Case(attackerAfterRevocation, revoked), Case(Usual(revoked.AddMinutes(5)), revoked)),
                new("SignInAfterRevocation", Case(attackerAfterRevocation, revoked), Case(laptopInHotel, revoked)),
                new("SignInAgainAfterRevocation", Case(Usual(revoked.AddMinutes(5)), revoked), Case(Usual(revoked.AddMinutes(-5)), revoked)),
                new("SignInAgainAfterRevocation", Case(laptopInHotel, revoked), Case(attackerAfterRevocation, revoked)),
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

    /// <summary><paramref name="count"/> copies of <paramref name="signIn"/> (each its own flow), 5 minutes apart before it.</summary>
    private static SignInFacts[] Repeats(SignInFacts signIn, int count) =>
        Enumerable.Range(1, count).Select(i => signIn with
        {
            Id = $"{signIn.Id}-repeat-{i}",
            CreatedDateTime = signIn.CreatedDateTime.AddMinutes(-5 * i),
            CorrelationId = Guid.NewGuid().ToString(),
        }).ToArray();

    /// <summary>A case whose history also knows of a device registered at <paramref name="registeredAt"/> (the directory's registrationDateTime).</summary>
    private static SignInCase WithRegistration(SignInFacts judged, DateTimeOffset registeredAt, params SignInFacts[] others) =>
        new(judged, History(Baseline().Concat(others).Append(judged), registrations: new[] { registeredAt }));
}
