using IdentityContainment.Detection.AuthenticationMethods;

namespace IdentityContainment.Engine.Tests.AuthenticationMethods;

/// <summary>
/// The audit log as the registration time of record for methods Graph lists undated: each case and near miss of the
/// two log rules, and the level a method ends at (the runbook removes High only).
/// </summary>
public sealed class SecurityInfoRegistrationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Since = Now.AddDays(-2);

    private static AuthenticationMethodFacts Method(string kind, string userId = "u1", DateTimeOffset? created = null) => kind switch
    {
        "authenticator" => new() { UserId = userId, Id = "m1", Type = AuthenticationMethodType.MicrosoftAuthenticator, DisplayName = "Galaxy S21", CreatedDateTime = created },
        "mobile" => new() { UserId = userId, Id = "3179e48a-750b-4051-897c-87b9720928f7", Type = AuthenticationMethodType.Phone, PhoneNumber = "+1 4255550109", PhoneType = "mobile", UsageLocation = "US", CreatedDateTime = created },
        "alternate" => new() { UserId = userId, Id = "b6332ec1-7057-4abe-9331-3d72feddfe41", Type = AuthenticationMethodType.Phone, PhoneNumber = "+1 4255550188", PhoneType = "alternateMobile", UsageLocation = "US", CreatedDateTime = created },
        "email" => new() { UserId = userId, Id = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f", Type = AuthenticationMethodType.Email, EmailAddress = "a@example.com", CreatedDateTime = created },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static SecurityInfoRegistration Logged(string wording, DateTimeOffset at, string userId = "u1")
    {
        (AuthenticationMethodType? kind, string? phoneType) = SecurityInfoWording.KindOf(wording);
        return new SecurityInfoRegistration(userId, at, kind, phoneType, wording);
    }

    public static TheoryData<string, AuthenticationMethodFacts, SecurityInfoRegistration, string?, string> Cases() => new()
    {
        // The attacker's push Authenticator and alternate phone, undated as Graph lists them, each logged after -Since: High.
        { "authenticator logged since -Since", Method("authenticator"), Logged("User registered Authenticator App with Notification and Code", Since.AddHours(2)), "AuthMethodRegisteredSinceCompromiseByAuditLog", "High" },
        { "alternate phone logged since -Since", Method("alternate"), Logged("User registered Alternate Mobile Phone", Since.AddHours(2)), "AuthMethodRegisteredSinceCompromiseByAuditLog", "High" },
        { "admin-registered phone of no stated type", Method("mobile"), Logged("Admin registered phone method for user", Since.AddHours(2)), "AuthMethodRegisteredSinceCompromiseByAuditLog", "High" },
        // Near misses: a registration before -Since, another user's, a dated method (its own date rules), another kind, another phone type.
        { "registered before -Since", Method("authenticator"), Logged("User registered Authenticator App with Notification and Code", Since.AddMinutes(-1)), null, "Low" },
        { "another user's registration", Method("authenticator"), Logged("User registered Authenticator App with Notification and Code", Since.AddHours(2), "u2"), null, "Low" },
        { "dated before -Since", Method("authenticator", created: Since.AddDays(-24)), Logged("User registered Authenticator App with Notification and Code", Since.AddHours(2)), null, "None" },
        { "another kind logged", Method("authenticator"), Logged("User registered Mobile Phone SMS", Since.AddHours(2)), null, "Low" },
        { "the user's own mobile beside a logged alternate", Method("mobile"), Logged("User registered Alternate Mobile Phone", Since.AddHours(2)), null, "Low" },
        // A registration whose wording names no kind the module reads: the user's undated methods are Medium, not High.
        { "unnamed kind logged since -Since", Method("email"), Logged("User registered Authenticator App with Code", Since.AddHours(2)), "AuthMethodUndatedAmidUnnamedRegistration", "Medium" },
        { "unnamed kind logged before -Since", Method("email"), Logged("User registered Authenticator App with Code", Since.AddHours(-2)), null, "Low" },
        { "unnamed kind logged for another user", Method("email"), Logged("User registered Authenticator App with Code", Since.AddHours(2), "u2"), null, "Low" },
        { "unnamed kind beside a dated method", Method("email", created: Since.AddDays(-100)), Logged("User registered Authenticator App with Code", Since.AddHours(2)), null, "None" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_audit_log_dates_an_undated_method_only_for_its_own_user_kind_and_time(string name, AuthenticationMethodFacts method, SecurityInfoRegistration registration, string? rule, string level)
    {
        var criteria = new MethodReviewCriteria { Since = Since, Now = Now, Registrations = new[] { registration } };

        AuthenticationMethodFinding? finding = AuthenticationMethodJudge.Judge(method, criteria);

        Assert.True(level == (finding?.RiskLevel ?? "None"), $"{name}: {finding?.RiskLevel ?? "None"} ({string.Join("; ", finding?.Reasons ?? Array.Empty<string>())})");
        string[] logRules = (finding?.ReasonCodes ?? Array.Empty<string>()).Where(c => c is "AuthMethodRegisteredSinceCompromiseByAuditLog" or "AuthMethodUndatedAmidUnnamedRegistration").ToArray();
        Assert.Equal(rule is null ? Array.Empty<string>() : new[] { rule }, logRules);
    }

    [Fact]
    public void One_logged_Authenticator_beside_two_listed_undated_is_Medium_for_both_and_two_logged_are_High()
    {
        AuthenticationMethodFacts own = Method("authenticator");
        AuthenticationMethodFacts attackers = Method("authenticator") with { Id = "attackers-galaxy" };
        AuthenticationMethodFacts[] undated = { own, attackers };
        SecurityInfoRegistration one = Logged("User registered Authenticator App with Notification and Code", Since.AddHours(2));
        SecurityInfoRegistration another = Logged("User registered Authenticator App with Notification and Code", Since.AddHours(3));

        var oneLogged = new MethodReviewCriteria { Since = Since, Now = Now, Registrations = new[] { one } };
        foreach (AuthenticationMethodFacts method in undated)
        {
            AuthenticationMethodFinding finding = AuthenticationMethodJudge.Judge(method with { UndatedOfUser = undated }, oneLogged)!;
            Assert.Equal("Medium", finding.RiskLevel);
            Assert.Contains("AuthMethodLoggedRegistrationAmbiguous", finding.ReasonCodes);
            Assert.Contains("2 undated methods", Assert.Single(finding.Reasons, r => r.Contains("could be", StringComparison.Ordinal)), StringComparison.Ordinal);
        }

        var bothLogged = oneLogged with { Registrations = new[] { one, another } };
        Assert.All(undated, method => Assert.Equal("High", AuthenticationMethodJudge.Judge(method with { UndatedOfUser = undated }, bothLogged)!.RiskLevel));
    }

    [Fact]
    public void Without_a_compromise_start_the_log_flags_nothing()
    {
        var criteria = new MethodReviewCriteria { Now = Now, Registrations = new[] { Logged("User registered Authenticator App with Notification and Code", Since.AddHours(2)) } };

        Assert.Null(AuthenticationMethodJudge.Judge(Method("authenticator"), criteria));
    }

    [Fact]
    public void The_reason_says_the_time_comes_from_the_audit_log_and_quotes_its_wording()
    {
        var criteria = new MethodReviewCriteria { Since = Since, Now = Now, Registrations = new[] { Logged("User registered Authenticator App with Notification and Code", Since.AddMinutes(90)) } };

        AuthenticationMethodFinding finding = AuthenticationMethodJudge.Judge(Method("authenticator"), criteria)!;

        Assert.Contains(finding.Reasons, r => r == "has no registration date in Graph, and the directory audit log records \"User registered Authenticator App with Notification and Code\" for this user 2026-12-01 13:30 UTC, after the compromise began (2026-12-01 12:00 UTC): the time comes from the audit log");
        Assert.Null(finding.CreatedDateTime);
    }

    [Theory]
    [InlineData("User registered Authenticator App with Notification and Code", "MicrosoftAuthenticator", null)]
    [InlineData("User deleted Microsoft Authenticator Authentication Method", "MicrosoftAuthenticator", null)]
    [InlineData("User registered Mobile Phone SMS", "Phone", "mobile")]
    [InlineData("User registered Alternate Mobile Phone", "Phone", "alternateMobile")]
    [InlineData("User registered Office Phone", "Phone", "office")]
    [InlineData("Admin registered phone method for user", "Phone", null)]
    [InlineData("User registered Fido2 Authentication Method", "Fido2", null)]
    [InlineData("User registered Fido", "Fido2", null)]
    [InlineData("Admin registered temporary access pass method for user", "TemporaryAccessPass", null)]
    [InlineData("User registered temporary access pass method", "TemporaryAccessPass", null)]
    [InlineData("User registered Authenticator App with Code", null, null)]
    [InlineData("User registered all required security info.", null, null)]
    [InlineData("", null, null)]
    public void A_wording_names_a_kind_only_when_it_is_sure(string wording, string? kind, string? phoneType)
    {
        (AuthenticationMethodType? named, string? type) = SecurityInfoWording.KindOf(wording);

        Assert.Equal((kind, phoneType), (named?.Name, type));
    }
}
