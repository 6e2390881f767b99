using IdentityContainment.Detection;
using IdentityContainment.Detection.Devices;
using IdentityContainment.Engine.Tests.Detection;

namespace IdentityContainment.Engine.Tests.Devices;

/// <summary>Each device rule on its case and its near miss, and the devices the weights are set for.</summary>
public sealed class DeviceRulesTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private const string AttackerDeviceId = "396dfa33-6763-4f9c-8484-f9d69de18a44";

    private static readonly DeviceReviewCriteria Criteria = new() { Since = Since, SuspiciousDeviceIds = new[] { AttackerDeviceId.ToUpperInvariant() } };

    /// <summary>The user's own company laptop: Entra joined, managed, compliant, registered a year before.</summary>
    private static DeviceFacts Laptop(DateTimeOffset? registered = null) => new()
    {
        UserId = "u1", UserPrincipalName = "adelev@contoso.com", Id = "b21b1c2e-1f61-41bc-acb7-0dd842762334", DeviceId = "3ceb0831-8744-4e92-ad93-36c0f9c4b930",
        DisplayName = "CONTOSO-LT-0142", OperatingSystem = "Windows", TrustType = "AzureAd", IsManaged = true, IsCompliant = true,
        RegistrationDateTime = registered ?? Since.AddDays(-400), AccountEnabled = true, Relation = DeviceRelation.RegisteredOwner | DeviceRelation.RegisteredUser,
    };

    /// <summary>The user's own phone, Entra registered without an MDM two years before.</summary>
    private static DeviceFacts OldPhone() => new()
    {
        UserId = "u1", Id = "4e277e37-2ca3-4564-b2b5-d6383b7e7a53", DeviceId = "8a7bbbc6-6b23-41c7-9c5a-e70395e03b89", DisplayName = "Adele's iPhone",
        OperatingSystem = "iOS", TrustType = "Workplace", IsManaged = false, IsCompliant = null, RegistrationDateTime = Since.AddDays(-700), AccountEnabled = true,
    };

    /// <summary>The attacker's machine: registered after the phish, Entra registered, no MDM.</summary>
    private static DeviceFacts AttackerDevice() => new()
    {
        UserId = "u1", Id = "adff32f5-35dd-4954-a7f8-022a4eedef2a", DeviceId = AttackerDeviceId, DisplayName = "DESKTOP-R8T2KQ9",
        OperatingSystem = "Windows", TrustType = "Workplace", IsManaged = false, IsCompliant = null, RegistrationDateTime = Since.AddHours(3), AccountEnabled = true,
    };

    private static DeviceUnderReview Review(DeviceFacts device, DeviceReviewCriteria? criteria = null) => new(device, criteria ?? Criteria);

    private static RuleCase<DeviceUnderReview>[] Cases() => new RuleCase<DeviceUnderReview>[]
    {
        // Registered the moment the compromise began; the near miss one second before it.
        new("DeviceRegisteredSinceCompromise", Review(Laptop(Since)), Review(Laptop(Since.AddSeconds(-1)))),
        // A flagged sign-in came from it (ids compared without case); the near miss is her laptop, which signed in too, unflagged.
        new("DeviceUsedInSuspiciousSignIn", Review(AttackerDevice()), Review(Laptop())),
        // Entra registered; the near miss is joined (AzureAd) and hybrid joined (ServerAd) alike.
        new("DeviceWorkplaceRegistered", Review(OldPhone()), Review(Laptop() with { TrustType = "ServerAd" })),
        // isManaged false; the near miss is a device Graph said nothing about (hidden properties are not evidence).
        new("DeviceUnmanaged", Review(OldPhone()), Review(OldPhone() with { IsManaged = null })),
        // isCompliant false; the near miss is the old phone, which no MDM reports on (null).
        new("DeviceNonCompliant", Review(Laptop() with { IsCompliant = false }), Review(OldPhone())),
        // No registration date while a compromise start is known; the near miss the same device without -Since.
        new("DeviceRegistrationTimeUnknown", Review(Laptop() with { RegistrationDateTime = null }), Review(Laptop() with { RegistrationDateTime = null }, Criteria with { Since = null })),
    };

    [Fact]
    public void Each_rule_fires_on_its_case_and_not_on_its_near_miss() =>
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(DeviceRules.Table, Cases());

    [Fact]
    public void A_new_unmanaged_registered_device_used_in_a_suspicious_sign_in_is_high_with_every_reason()
    {
        DeviceFinding finding = DeviceJudge.Judge(AttackerDevice(), Criteria)!;

        Assert.Equal(nameof(RiskLevel.High), finding.RiskLevel);
        Assert.Equal(100, finding.Score);
        Assert.Equal(new[] { "DeviceRegisteredSinceCompromise", "DeviceUsedInSuspiciousSignIn", "DeviceWorkplaceRegistered", "DeviceUnmanaged" }, finding.ReasonCodes);
        Assert.Contains("after the compromise began (2026-12-01 09:00 UTC)", finding.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("primary refresh token", finding.Reasons[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_unmanaged_registered_device_is_high_before_the_sign_ins_are_known()
    {
        DeviceFinding finding = DeviceJudge.Judge(AttackerDevice(), Criteria with { SuspiciousDeviceIds = Array.Empty<string>() })!;

        Assert.Equal(nameof(RiskLevel.High), finding.RiskLevel);
        Assert.DoesNotContain("DeviceUsedInSuspiciousSignIn", finding.ReasonCodes);
    }

    [Fact]
    public void The_users_old_personal_phone_is_at_most_low_even_when_out_of_compliance()
    {
        Assert.Equal(nameof(RiskLevel.Low), DeviceJudge.Judge(OldPhone(), Criteria)!.RiskLevel);
        Assert.Equal(nameof(RiskLevel.Low), DeviceJudge.Judge(OldPhone() with { IsCompliant = false }, Criteria)!.RiskLevel);
    }

    [Fact]
    public void The_users_own_joined_managed_compliant_laptop_is_no_finding_unless_every_device_is_asked_for()
    {
        Assert.Null(DeviceJudge.Judge(Laptop(), Criteria));

        DeviceFinding row = DeviceJudge.Judge(Laptop(), Criteria, includeNonSuspicious: true)!;
        Assert.Equal((nameof(RiskLevel.None), 0), (row.RiskLevel, row.Score));
        Assert.Empty(row.Reasons);
        Assert.Equal("RegisteredOwner, RegisteredUser", row.Relation);
    }

    [Theory]
    [InlineData("Windows", true)]
    [InlineData("windows", true)]
    [InlineData("iOS", false)]
    [InlineData("MacMDM", false)]
    [InlineData(null, false)]
    public void A_finding_says_whether_an_app_may_disable_the_device(string? operatingSystem, bool appMay) =>
        Assert.Equal(appMay, DeviceJudge.Judge(AttackerDevice() with { OperatingSystem = operatingSystem }, Criteria)!.AppOnlyCanDisable);
}
