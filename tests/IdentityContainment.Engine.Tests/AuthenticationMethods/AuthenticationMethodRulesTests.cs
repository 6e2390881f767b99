using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Engine.Tests.Detection;

namespace IdentityContainment.Engine.Tests.AuthenticationMethods;

/// <summary>Each authentication method rule on its case and its near miss, and the user's own methods judged clean.</summary>
public sealed class AuthenticationMethodRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Since = Now.AddDays(-2);
    private static readonly DateTimeOffset SignIn = Since.AddHours(3);

    private static readonly MethodReviewCriteria Criteria = new() { Since = Since, SuspiciousSignIns = new[] { new FlaggedSignIn("u2", Since.AddHours(2)), new FlaggedSignIn("U1", SignIn) }, Now = Now };

    private static AuthenticationMethodFacts Authenticator(DateTimeOffset? created) => new()
    {
        UserId = "u1", UserPrincipalName = "adelev@contoso.com", UsageLocation = "US", Id = "m1",
        Type = AuthenticationMethodType.MicrosoftAuthenticator, ODataType = "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
        DisplayName = "iPhone 15", PhoneAppVersion = "6.8.1", CreatedDateTime = created,
    };

    private static AuthenticationMethodFacts Phone(string number, string? usageLocation = "US") => new()
    {
        UserId = "u1", UsageLocation = usageLocation, Id = "3179e48a-750b-4051-897c-87b9720928f7", Type = AuthenticationMethodType.Phone,
        PhoneNumber = number, PhoneType = "mobile", CreatedDateTime = Since.AddDays(-400),
    };

    private static AuthenticationMethodFacts Pass(bool? usable, DateTimeOffset? start = null, int? minutes = null) => new()
    {
        UserId = "u1", Id = "tap1", Type = AuthenticationMethodType.TemporaryAccessPass, IsUsable = usable,
        StartDateTime = start, LifetimeInMinutes = minutes, CreatedDateTime = Since.AddDays(-30),
    };

    private static SecurityInfoRegistration Registered(string userId, DateTimeOffset at, AuthenticationMethodType? kind, string? phoneType = null) =>
        new(userId, at, kind, phoneType, kind is null ? "User registered security info" : "User registered " + kind.Name);

    private static MethodUnderReview Review(AuthenticationMethodFacts method, MethodReviewCriteria? criteria = null) => new(method, criteria ?? Criteria);

    private static RuleCase<MethodUnderReview>[] Cases() => new RuleCase<MethodUnderReview>[]
    {
        // Registered one minute after the compromise began; the near miss one minute before it.
        new("AuthMethodRegisteredSinceCompromise", Review(Authenticator(Since.AddMinutes(1))), Review(Authenticator(Since.AddMinutes(-1)))),
        // Undated, and the audit log records an Authenticator registered for the user one minute after the compromise
        // began; the near miss the same registration one minute before it.
        new("AuthMethodRegisteredSinceCompromiseByAuditLog",
            Review(Authenticator(null), Criteria with { Registrations = new[] { Registered("U1", Since.AddMinutes(1), AuthenticationMethodType.MicrosoftAuthenticator) } }),
            Review(Authenticator(null), Criteria with { Registrations = new[] { Registered("u1", Since.AddMinutes(-1), AuthenticationMethodType.MicrosoftAuthenticator) } })),
        // Undated beside the user's own undated Authenticator, one Authenticator registration logged since the compromise:
        // the log cannot say which is the attacker's. The near miss the same method alone, which the log does tell apart.
        new("AuthMethodLoggedRegistrationAmbiguous",
            Review(Authenticator(null) with { UndatedOfUser = new[] { Authenticator(null), Authenticator(null) with { Id = "m2", DisplayName = "Galaxy S21" } } },
                Criteria with { Registrations = new[] { Registered("u1", Since.AddMinutes(1), AuthenticationMethodType.MicrosoftAuthenticator) } }),
            Review(Authenticator(null) with { UndatedOfUser = new[] { Authenticator(null) } },
                Criteria with { Registrations = new[] { Registered("u1", Since.AddMinutes(1), AuthenticationMethodType.MicrosoftAuthenticator) } })),
        // Undated, and the log records a registration of a kind its wording does not name since the compromise began;
        // the near miss a dated method beside the same registration (its own date speaks for it).
        new("AuthMethodUndatedAmidUnnamedRegistration",
            Review(Authenticator(null), Criteria with { Registrations = new[] { Registered("u1", Since.AddHours(1), null) } }),
            Review(Authenticator(Since.AddDays(-300)), Criteria with { Registrations = new[] { Registered("u1", Since.AddHours(1), null) } })),
        // Registered 89 minutes after a flagged sign-in; the near miss 91 minutes after it (its session's tokens are gone).
        new("AuthMethodRegisteredDuringSuspiciousSignIn", Review(Authenticator(SignIn.AddMinutes(89))), Review(Authenticator(SignIn.AddMinutes(91)))),
        // Graph says the pass signs in now; the near miss is one Graph says does not (expired).
        new("AuthMethodActiveTemporaryAccessPass", Review(Pass(true)), Review(Pass(false, Now.AddHours(-1), 480))),
        // A +44 number for a user in the US; the near miss a +1 number (Canada shares +1) for the same user.
        new("AuthMethodPhoneAbroad", Review(Phone("+44 7700900123")), Review(Phone("+1 6135550123"))),
        new("AuthMethodUnknownType",
            Review(Authenticator(Since.AddDays(-100)) with { Type = AuthenticationMethodType.FromODataType("#microsoft.graph.qrCodePinAuthenticationMethod"), ODataType = "#microsoft.graph.qrCodePinAuthenticationMethod" }),
            Review(Authenticator(Since.AddDays(-100)))),
        // No registration date while a compromise start is known; the near miss the same method with no -Since.
        new("AuthMethodRegistrationTimeUnknown", Review(Authenticator(null)), Review(Authenticator(null), Criteria with { Since = null })),
    };

    [Fact]
    public void Each_rule_fires_on_its_case_and_not_on_its_near_miss() =>
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(AuthenticationMethodRules.Table, Cases());

    [Fact]
    public void The_users_own_older_methods_score_nothing()
    {
        AuthenticationMethodFacts[] own =
        {
            Authenticator(Since.AddDays(-300)),
            Phone("+1 4255550109"),
            Pass(false, Since.AddDays(-30), 60),
            new() { UserId = "u1", Id = "f1", Type = AuthenticationMethodType.Fido2, DisplayName = "YubiKey", Model = "YubiKey 5 NFC", CreatedDateTime = Since.AddDays(-90) },
        };

        Assert.All(own, m => Assert.Null(AuthenticationMethodJudge.Judge(m, Criteria)));
    }

    [Fact]
    public void The_password_is_never_a_finding_even_when_changed_during_the_compromise()
    {
        var password = new AuthenticationMethodFacts { UserId = "u1", Id = "28c10230-6103-485e-b985-444c60001490", Type = AuthenticationMethodType.Password, CreatedDateTime = Since.AddHours(1) };

        Assert.Null(AuthenticationMethodJudge.Judge(password, Criteria));
    }

    [Fact]
    public void An_attackers_authenticator_registered_from_the_phished_session_is_high_with_both_reasons_and_its_own_delete_path()
    {
        AuthenticationMethodFinding finding = AuthenticationMethodJudge.Judge(Authenticator(SignIn.AddMinutes(4)), Criteria)!;

        Assert.Equal("High", finding.RiskLevel);
        Assert.Equal(new[] { "AuthMethodRegisteredSinceCompromise", "AuthMethodRegisteredDuringSuspiciousSignIn" }, finding.ReasonCodes);
        Assert.Equal("/users/u1/authentication/microsoftAuthenticatorMethods/m1", finding.DeletePath);
        Assert.Equal(("MicrosoftAuthenticator", "iPhone 15, app 6.8.1", "adelev@contoso.com"), (finding.Type, finding.DisplayDetail, finding.UserPrincipalName));
    }

    [Fact]
    public void An_unknown_kind_is_kept_with_its_type_worth_a_look_and_offers_no_delete_path()
    {
        var method = new AuthenticationMethodFacts { UserId = "u1", Id = "x1", Type = AuthenticationMethodType.FromODataType("#microsoft.graph.hardwareOathAuthenticationMethod"), ODataType = "#microsoft.graph.hardwareOathAuthenticationMethod", CreatedDateTime = Since.AddDays(-10) };

        AuthenticationMethodFinding finding = AuthenticationMethodJudge.Judge(method, Criteria)!;

        Assert.Equal(("Unknown", "#microsoft.graph.hardwareOathAuthenticationMethod", "Medium"), (finding.Type, finding.ODataType, finding.RiskLevel));
        Assert.Null(finding.DeletePath);
    }

    [Fact]
    public void Another_users_flagged_sign_in_says_nothing_about_this_users_registration()
    {
        MethodReviewCriteria othersOnly = Criteria with { SuspiciousSignIns = new[] { new FlaggedSignIn("u2", SignIn) } };

        Assert.Null(Review(Authenticator(SignIn.AddMinutes(10)), othersOnly).DuringSuspiciousSignIn);
        Assert.Equal(SignIn, Review(Authenticator(SignIn.AddMinutes(10))).DuringSuspiciousSignIn);
    }

    [Fact]
    public void A_pass_graph_did_not_mark_is_timed_by_its_start_and_lifetime()
    {
        Assert.True(Review(Pass(null, Now.AddMinutes(-59), 60)).IsActiveTemporaryAccessPass);
        Assert.False(Review(Pass(null, Now.AddMinutes(-61), 60)).IsActiveTemporaryAccessPass);
        Assert.False(Review(Pass(null, Now.AddMinutes(5), 60)).IsActiveTemporaryAccessPass);
    }

    [Fact]
    public void A_phone_abroad_says_which_country_it_is_in_and_where_the_user_is_without_showing_the_number()
    {
        AuthenticationMethodFinding finding = AuthenticationMethodJudge.Judge(Phone("+44 7700900461"), Criteria)!;

        Assert.Equal(("Medium", "+44 ********61, mobile"), (finding.RiskLevel, finding.DisplayDetail));
        Assert.Equal("is a phone in +44 (GB) while the user's usage location is US (+1)", Assert.Single(finding.Reasons));
        Assert.DoesNotContain("7700900461", string.Join(" ", finding.Reasons) + finding.DisplayDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+44 7700900123", "GB", false)]
    [InlineData("+49 15112345678", "AT", true)]
    [InlineData("+7 9161234567", "KZ", false)]
    [InlineData("+1 XXXXXXXX09", "DE", true)]
    [InlineData("+44 7700900123", null, false)]
    [InlineData("+44 7700900123", "ZZ", false)]
    [InlineData("07700900123", "US", false)]
    public void A_phone_is_abroad_only_when_both_countries_are_known_and_its_code_is_not_the_users(string number, string? usageLocation, bool abroad) =>
        Assert.Equal(abroad, Review(Phone(number, usageLocation)).ForeignCallingCode is not null);

    [Theory]
    [InlineData("+1 4255550109", "+1 ********09")]
    [InlineData("+44 7700900123", "+44 ********23")]
    [InlineData("+353 861234567", "+353 *******67")]
    [InlineData("+1 XXXXXXXX09", "+1 ********09")]
    [InlineData("07700900123", "*********23")]
    public void Phone_numbers_are_shown_masked_to_their_country_code_and_last_two_digits(string number, string masked) =>
        Assert.Equal(masked, PhoneNumbers.Masked(number));
}
