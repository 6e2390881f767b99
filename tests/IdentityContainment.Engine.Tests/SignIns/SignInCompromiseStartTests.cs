using IdentityContainment.Detection;
using IdentityContainment.Detection.SignIns;
using static IdentityContainment.Engine.Tests.SignIns.SignInStory;

namespace IdentityContainment.Engine.Tests.SignIns;

/// <summary>
/// The runbook takes each user's earliest sign-in at Medium or above as the start of the compromise and removes what was
/// registered since, so what the user's own clients do must stay Low at most, and the attacks must still reach Medium or
/// High. Each story is a whole window judged the way Get-SuspiciousSignIn judges it.
/// </summary>
public sealed class SignInCompromiseStartTests
{
    private const string AttackerIp = "203.0.113.50";
    private const string LteIp = "81.2.69.201";

    /// <summary>What the user's own devices and clients do; none of it may start a compromise.</summary>
    private static readonly Dictionary<string, Func<SignInHistory>> OwnClients = new()
    {
        ["an MFA sign-in: the 50074 interrupt, then the success under its correlation id"] = () =>
        {
            SignInFacts interrupt = Usual(At(0)).Failed(50074);
            return Window(interrupt, interrupt with { Id = "done", CreatedDateTime = At(0.01), ErrorCode = 0, FailureReason = null });
        },
        ["an MFA sign-in from a hotel: the interrupt, then the success"] = () =>
        {
            SignInFacts interrupt = Usual(At(0)).From(London, "198.51.100.30").Failed(50076);
            return Window(interrupt, interrupt with { Id = "done", CreatedDateTime = At(0.02), ErrorCode = 0, FailureReason = null });
        },
        ["a phone moving from Wi-Fi to mobile data during one sign-in"] = () =>
        {
            SignInFacts wifi = Usual(At(0));
            return Window(wifi, wifi with { Id = "lte", CreatedDateTime = At(0.05), IpAddress = LteIp });
        },
        ["a dual-stack browser: IPv6, then IPv4, in one sign-in"] = () =>
        {
            SignInFacts ipv6 = Usual(At(0)) with { IpAddress = "2a02:c7c:51f4:8b00:1c2d:3e4f:5a6b:7c8d" };
            return Window(ipv6, ipv6 with { Id = "ipv4", CreatedDateTime = At(0.01), IpAddress = HomeIp });
        },
        ["a phone's ActiveSync client retrying an old password twelve times an hour from home"] = () =>
            Window(Every5Minutes(Usual(At(0)).WithoutDevice().Failed(50126) with { ClientAppUsed = "Exchange ActiveSync" }, 12)),
        ["the same phone retrying on mobile data, a new network in the user's own country"] = () =>
            Window(Every5Minutes(Usual(At(0)).WithoutDevice().Failed(50126) with { ClientAppUsed = "Exchange ActiveSync", IpAddress = LteIp }, 12)),
        ["the user's clients looping on 50057 after the account was disabled"] = () =>
            Window(Every5Minutes(Usual(At(0)).WithoutDevice().Failed(50057) with { ClientAppUsed = "IMAP4" }, 12)),
        ["three MFA prompts unanswered while the phone is offline, from home"] = () =>
            Window(Every5Minutes(Usual(At(0)).Failed(500121), 3)),
        ["three MFA prompts unanswered while the phone is offline, from a hotel"] = () =>
            Window(Every5Minutes(Usual(At(0)).From(London, "198.51.100.31").Failed(500121), 3)),
        ["the sign-in a revocation forces on the user, from home"] = () =>
            Window(At(0), Usual(At(0.5))),
        ["the sign-in a revocation forces on the user, on their laptop in a hotel"] = () =>
            Window(At(0), Usual(At(0.5)).From(London, "198.51.100.30")),
    };

    /// <summary>Attacks, with the rule that must catch them and the level it must reach.</summary>
    private static readonly Dictionary<string, (string Rule, RiskLevel Level, Func<SignInHistory> Story)> Attacks = new()
    {
        ["one sign-in flow replayed from another country"] = ("TokenReplay", RiskLevel.High, () =>
        {
            SignInFacts victim = Usual(At(0));
            return Window(victim, (victim with { Id = "replayed", CreatedDateTime = At(0.2) }).WithoutDevice().From(Lagos, AttackerIp));
        }),
        ["a spray from five new networks in twenty minutes"] = ("RepeatedPasswordAttempts", RiskLevel.Medium, () =>
            Window(Enumerable.Range(0, 5).Select(i => Usual(At(i * 5.0 / 60)).From(London, "198.51.100." + (10 + i)).WithoutDevice().Failed(50126)).ToArray())),
        ["password guessing from one address abroad"] = ("RepeatedPasswordAttempts", RiskLevel.High, () =>
            Window(Every5Minutes(Usual(At(0)).From(Lagos, AttackerIp).WithoutDevice().Failed(50126), 5))),
        ["push bombing: six prompts in twenty-five minutes from the attacker"] = ("MfaFatigue", RiskLevel.High, () =>
            Window(Every5Minutes(Usual(At(0)).From(Lagos, AttackerIp).WithoutDevice().Failed(500121), 6))),
        ["the attacker in again after the revocation"] = ("SignInAfterRevocation", RiskLevel.High, () =>
            Window(At(0), Usual(At(0.5)).From(Lagos, AttackerIp).WithoutDevice())),
        ["the attacker abroad, then the victim at home 40 minutes later"] = ("ImpossibleTravel", RiskLevel.High, () =>
            Window(Usual(At(0)).From(Lagos, AttackerIp).WithoutDevice(), Usual(At(40.0 / 60)))),
        ["the attacker in from the IP their failed spray came from before the window"] = ("NewIpAddress", RiskLevel.Medium, () =>
            History(Baseline()
                .Append(Usual(WindowStart.AddDays(-2)).From(Lagos, AttackerIp).WithoutDevice().Failed(50126))
                .Append(Usual(At(0)).From(Lagos, AttackerIp).WithoutDevice()))),
    };

    public static TheoryData<string> OwnClientStories => new(OwnClients.Keys);

    public static TheoryData<string> AttackStories => new(Attacks.Keys);

    [Theory]
    [MemberData(nameof(OwnClientStories))]
    public void What_the_users_own_clients_do_is_Low_at_most_and_starts_no_compromise(string story)
    {
        SignInFinding[] findings = SignInJudge.Judge(OwnClients[story]()).ToArray();

        Assert.All(findings, f => Assert.True(f.Level <= RiskLevel.Low, $"{f}: {string.Join("; ", f.Reasons)}"));
        Assert.Empty(SignInSummary.EarliestPerUser(findings));
    }

    [Theory]
    [MemberData(nameof(AttackStories))]
    public void The_attack_is_still_caught(string story)
    {
        (string rule, RiskLevel level, Func<SignInHistory> history) = Attacks[story];

        SignInFinding[] findings = SignInJudge.Judge(history()).ToArray();

        Assert.Contains(findings, f => f.ReasonCodes.Contains(rule) && f.Level >= level);
    }

    [Fact]
    public void An_ordinary_MFA_sign_in_is_no_finding_at_all()
    {
        SignInFacts interrupt = Usual(At(0)).Failed(50074);
        SignInFacts success = interrupt with { Id = "done", CreatedDateTime = At(0.01), ErrorCode = 0, FailureReason = null };

        Assert.Empty(SignInJudge.Judge(Window(interrupt, success)));
    }

    [Fact]
    public void The_victim_at_home_after_the_attackers_foreign_sign_in_is_not_where_the_compromise_starts()
    {
        SignInFacts attacker = Usual(At(2)).From(Lagos, AttackerIp).WithoutDevice();
        SignInFacts victim = Usual(At(2 + (40.0 / 60)));
        SignInFacts victimEarlier = Usual(At(0));

        SignInFinding[] findings = SignInJudge.Judge(Window(victimEarlier, attacker, victim), includeNonSuspicious: true).ToArray();

        Assert.Equal(attacker.Id, Assert.Single(SignInSummary.EarliestPerUser(findings)).SignInId);
        Assert.Equal(nameof(RiskLevel.None), findings.Single(f => f.SignInId == victim.Id).RiskLevel);
        Assert.Contains("the other end is a network the user signed in from before the window", findings.Single(f => f.SignInId == attacker.Id).Reasons[0]);
    }

    [Fact]
    public void A_trip_between_two_new_places_flags_both_ends()
    {
        SignInFacts london = Usual(At(0)).From(London, "198.51.100.40").WithoutDevice();
        SignInFacts newYork = Usual(At(40.0 / 60)).From(NewYork, "198.51.100.41").WithoutDevice();

        SignInFinding[] findings = SignInJudge.Judge(Window(london, newYork)).ToArray();

        Assert.All(new[] { london.Id, newYork.Id }, id => Assert.Contains("ImpossibleTravel", findings.Single(f => f.SignInId == id).ReasonCodes));
    }

    [Fact]
    public void Only_successful_sign_ins_before_the_window_make_a_baseline()
    {
        SignInFacts failedBefore = Usual(WindowStart.AddDays(-2)).From(Lagos, AttackerIp).WithoutDevice().Failed(50126);

        SignInHistory history = History(new[] { failedBefore, Usual(At(0)).From(Lagos, AttackerIp).WithoutDevice() });

        Assert.False(history.HasBaseline);
        Assert.Empty(history.KnownIpAddresses);
        Assert.Empty(history.KnownCountries);
    }

    [Theory]
    [InlineData("Exchange Web Services")]
    [InlineData("MAPI Over HTTP")]
    [InlineData("Outlook Anywhere (RPC over HTTP)")]
    [InlineData("Offline Address Book")]
    [InlineData("AutoDiscover")]
    [InlineData("Exchange Online PowerShell")]
    [InlineData("Reporting Web Services")]
    [InlineData("Outlook Service")]
    [InlineData("mapi over http")]
    public void Every_legacy_client_Entra_logs_is_a_legacy_client(string clientAppUsed)
    {
        Assessment assessment = SignInRules.Table.Assess(Case(Usual(At(0)) with { ClientAppUsed = clientAppUsed }));

        Assert.Contains("LegacyClient", assessment.ReasonCodes);
    }

    [Fact]
    public void A_device_whose_sign_ins_are_flagged_only_for_travel_or_revocation_is_not_named()
    {
        SignInFinding Finding(string device, string level, params string[] reasons) => new()
        {
            UserId = UserId,
            SignInId = device + string.Join("-", reasons),
            CreatedDateTime = At(0),
            DeviceId = device,
            RiskLevel = level,
            ReasonCodes = reasons,
        };

        SignInFinding[] findings =
        {
            Finding("laptop", "High", "ImpossibleTravel"),
            Finding("laptop", "High", "ImpossibleTravel", "SignInAfterRevocation"),
            Finding("attackers-pc", "Medium", "NewIpAddress", "NewCountry", "EntraRiskMedium"),
            Finding("attackers-pc", "High", "ImpossibleTravel", "NewIpAddress", "NewCountry", "SignInAfterRevocation"),
        };

        Assert.Equal(new[] { "attackers-pc" }, SignInSummary.DevicesNamedIn(findings));
    }

    /// <summary>The baseline week, <paramref name="inWindow"/>, and no revocation.</summary>
    private static SignInHistory Window(params SignInFacts[] inWindow) => History(Baseline().Concat(inWindow));

    /// <summary>The baseline week, a revocation at <paramref name="revokedAt"/>, and <paramref name="inWindow"/>.</summary>
    private static SignInHistory Window(DateTimeOffset revokedAt, params SignInFacts[] inWindow) => History(Baseline().Concat(inWindow), revokedAt);

    /// <summary><paramref name="count"/> copies of <paramref name="signIn"/>, each its own flow, 5 minutes apart from it on.</summary>
    private static SignInFacts[] Every5Minutes(SignInFacts signIn, int count) =>
        Enumerable.Range(0, count).Select(i => signIn with
        {
            Id = $"{signIn.Id}-{i}",
            CreatedDateTime = signIn.CreatedDateTime.AddMinutes(5 * i),
            CorrelationId = Guid.NewGuid().ToString(),
        }).ToArray();
}
