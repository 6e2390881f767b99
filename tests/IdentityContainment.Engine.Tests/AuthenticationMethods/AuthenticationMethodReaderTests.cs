using IdentityContainment.AuthenticationMethods;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Engine.Tests.Containment;
using IdentityContainment.Sandbox;
using MethodType = IdentityContainment.Detection.AuthenticationMethods.AuthenticationMethodType;

namespace IdentityContainment.Engine.Tests.AuthenticationMethods;

/// <summary>The method reader against the aitm-bec tenant: what it reads, judged, names the attacker's methods and only those.</summary>
public sealed class AuthenticationMethodReaderTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private ContainmentUser User(string upn)
    {
        UserRecord user = _tenant.Sandbox.Tenant.FindUser(upn)!;
        return new ContainmentUser { Id = user.Id, UserPrincipalName = user.UserPrincipalName };
    }

    private async Task<KeptResults<AuthenticationMethodFacts>> ReadAsync(params ContainmentUser[] users)
    {
        var results = new KeptResults<AuthenticationMethodFacts>();
        await new AuthenticationMethodReader(_tenant.Connection).ReadAsync(users, results, CancellationToken.None);
        return results;
    }

    [Fact]
    public async Task Every_method_of_every_user_is_read_and_judged_the_attackers_two_are_high_and_her_own_are_not_findings()
    {
        ContainmentUser adele = User("adelev@contoso.com");
        ContainmentUser alex = User("alexw@contoso.com");

        KeptResults<AuthenticationMethodFacts> results = await ReadAsync(adele, alex, adele);

        Assert.Empty(results.Errors);
        Assert.Empty(results.Warnings);
        string[] adelesInTenant = _tenant.Sandbox.Tenant.AuthenticationMethodsOf(adele.Id).Select(m => m.Id).Order().ToArray();
        Assert.Equal(adelesInTenant, results.Items.Where(m => m.UserId == adele.Id).Select(m => m.Id).Order().ToArray());
        Assert.Contains(results.Items, m => m.UserId == alex.Id && m.Type == MethodType.MicrosoftAuthenticator);

        // Graph lists the attacker's phone and push Authenticator undated: the audit log's registrations date them.
        DateTimeOffset since = DateTimeOffset.UtcNow.AddDays(-2);
        IReadOnlyList<SecurityInfoRegistration> registrations = await SecurityInfoLog.ReadAsync(_tenant.Connection, since, results, CancellationToken.None);
        Assert.Empty(results.Warnings);
        string[] attackers = _tenant.Sandbox.EvaluateFootholds().Where(f => f.Kind == FootholdKind.AuthenticationMethod).Select(f => f.Target!).Order().ToArray();
        Assert.All(results.Items.Where(m => attackers.Contains(m.Id) && m.UserId == adele.Id), m => Assert.Null(m.CreatedDateTime));
        var withoutLog = new MethodReviewCriteria { Since = since };
        Assert.DoesNotContain(results.Items.Select(m => AuthenticationMethodJudge.Judge(m, withoutLog)), f => f?.Level == IdentityContainment.Detection.RiskLevel.High);

        var criteria = withoutLog with { Registrations = registrations };
        AuthenticationMethodFinding[] findings = results.Items.Select(m => AuthenticationMethodJudge.Judge(m, criteria)).OfType<AuthenticationMethodFinding>().ToArray();
        Assert.Equal(attackers, findings.Where(f => f.Level == IdentityContainment.Detection.RiskLevel.High).Select(f => f.MethodId).Order().ToArray());
        Assert.All(findings.Where(f => f.Level == IdentityContainment.Detection.RiskLevel.High), f => Assert.Contains("AuthMethodRegisteredSinceCompromiseByAuditLog", f.ReasonCodes));
        Assert.All(findings.Where(f => f.Level == IdentityContainment.Detection.RiskLevel.High), f => Assert.Equal(adele.UserPrincipalName, f.UserPrincipalName));
        Assert.DoesNotContain(findings, f => f.DisplayDetail.Contains("7700900461", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_graph_does_not_know_is_an_error_naming_them_and_the_others_are_read()
    {
        var ghost = new ContainmentUser { Id = Guid.NewGuid().ToString(), UserPrincipalName = "ghost@contoso.com" };

        KeptResults<AuthenticationMethodFacts> results = await ReadAsync(ghost, User("alexw@contoso.com"));

        Assert.Contains("ghost@contoso.com", Assert.Single(results.Errors).Message, StringComparison.Ordinal);
        Assert.NotEmpty(results.Items);
        Assert.All(results.Items, m => Assert.NotEqual(ghost.Id, m.UserId));
    }

    [Fact]
    public async Task Without_the_permission_to_read_methods_the_error_names_it()
    {
        await using SandboxTenant limited = await SandboxTenant.StartAsync(new SandboxOptions { Scenario = "aitm-bec" }, "User.Read.All");
        var results = new KeptResults<AuthenticationMethodFacts>();
        UserRecord adele = limited.Sandbox.Tenant.FindUser("adelev@contoso.com")!;

        await new AuthenticationMethodReader(limited.Connection).ReadAsync(new[] { new ContainmentUser { Id = adele.Id, UserPrincipalName = adele.UserPrincipalName } }, results, CancellationToken.None);

        Assert.Empty(results.Items);
        IdentityContainment.Errors.ContainmentException error = Assert.Single(results.Errors);
        Assert.Equal(IdentityContainment.Errors.ContainmentErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("UserAuthenticationMethod.Read.All", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_attackers_authenticator_was_registered_from_a_sign_in_the_analysis_would_flag_and_says_so()
    {
        ContainmentUser adele = User("adelev@contoso.com");
        KeptResults<AuthenticationMethodFacts> results = await ReadAsync(adele);

        // Stand-in for the sign-in analysis: the successful sign-ins from the attacker's address (the scenario's ground truth).
        FlaggedSignIn[] flagged = _tenant.Sandbox.Tenant.SignIns
            .Where(s => s.UserId == adele.Id && s.IpAddress == "198.51.100.77" && s.Status.ErrorCode == 0)
            .Select(s => new FlaggedSignIn(s.UserId, s.CreatedDateTime))
            .ToArray();
        IReadOnlyList<SecurityInfoRegistration> registrations = await SecurityInfoLog.ReadAsync(_tenant.Connection, DateTimeOffset.UtcNow.AddDays(-7), results, CancellationToken.None);
        var criteria = new MethodReviewCriteria { SuspiciousSignIns = flagged, Registrations = registrations };
        AuthenticationMethodFinding[] findings = results.Items.Select(m => AuthenticationMethodJudge.Judge(m, criteria)).OfType<AuthenticationMethodFinding>().ToArray();

        AuthenticationMethodFinding galaxy = Assert.Single(findings, f => f.ReasonCodes.Contains("AuthMethodRegisteredDuringSuspiciousSignIn"));
        Assert.Equal("Galaxy S21", galaxy.DisplayDetail.Split(',')[0]);
        Assert.Contains(galaxy.Reasons, r => r.Contains("(by the directory audit log)", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.DisplayDetail.StartsWith("iPhone 14", StringComparison.Ordinal));
    }
}
