using System.Text.Json.Nodes;
using IdentityContainment.AuthenticationMethods;
using IdentityContainment.Connection;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Engine.Tests.Containment;
using IdentityContainment.Graph;
using IdentityContainment.Sandbox;
using MethodType = IdentityContainment.Detection.AuthenticationMethods.AuthenticationMethodType;

namespace IdentityContainment.Engine.Tests.AuthenticationMethods;

/// <summary>Method removal against the aitm-bec tenant: what the sandbox holds afterwards is the proof.</summary>
public sealed class AuthenticationMethodRemovalTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private UserRecord Adele => _tenant.Sandbox.Tenant.FindUser("adelev@contoso.com")!;

    private IEnumerable<FootholdStatus> MethodFootholds => _tenant.Sandbox.EvaluateFootholds().Where(f => f.Kind == FootholdKind.AuthenticationMethod);

    /// <summary>
    /// Adele's methods as the reader reads them and the judge judges them, with the compromise two days back and the
    /// audit log's security info registrations (Graph lists the attacker's phone and push Authenticator undated).
    /// </summary>
    private async Task<AuthenticationMethodFinding[]> FindingsAsync()
    {
        var facts = new KeptResults<AuthenticationMethodFacts>();
        DateTimeOffset since = DateTimeOffset.UtcNow.AddDays(-2);
        IReadOnlyList<SecurityInfoRegistration> registrations = await SecurityInfoLog.ReadAsync(_tenant.Connection, since, facts, CancellationToken.None);
        await new AuthenticationMethodReader(_tenant.Connection).ReadAsync(new[] { new ContainmentUser { Id = Adele.Id, UserPrincipalName = Adele.UserPrincipalName } }, facts, CancellationToken.None);
        Assert.Empty(facts.Errors);
        Assert.Empty(facts.Warnings);
        var criteria = new MethodReviewCriteria { Since = since, Registrations = registrations };
        return facts.Items.Select(m => AuthenticationMethodJudge.Judge(m, criteria)).OfType<AuthenticationMethodFinding>().Where(f => f.Level == IdentityContainment.Detection.RiskLevel.High).ToArray();
    }

    /// <summary>A finding for one of Adele's methods as the judge would name it, for methods no rule flags (her own).</summary>
    private AuthenticationMethodFinding Own(string methodId, MethodType type) => new()
    {
        UserId = Adele.Id, UserPrincipalName = Adele.UserPrincipalName, MethodId = methodId, Type = type.Name, DeletePath = type.ItemPath(Adele.Id, methodId),
    };

    private async Task<KeptResults<ContainmentAction>> RemoveAsync(params AuthenticationMethodFinding[] findings)
    {
        var results = new KeptResults<ContainmentAction>();
        await new AuthenticationMethodRemoval(_tenant.Connection).RemoveAsync(findings, results, CancellationToken.None);
        return results;
    }

    [Fact]
    public async Task Removing_the_attackers_methods_closes_their_footholds_keeps_her_own_and_carries_each_method_as_it_was()
    {
        AuthenticationMethodFinding[] findings = await FindingsAsync();
        Assert.Equal(MethodFootholds.Select(f => f.Target).Order(), findings.Select(f => f.MethodId).Order());
        string[] own = _tenant.Sandbox.Tenant.AuthenticationMethodsOf(Adele.Id).Select(m => m.Id).Except(findings.Select(f => f.MethodId)).Order().ToArray();

        KeptResults<ContainmentAction> results = await RemoveAsync(findings);

        Assert.Empty(results.Errors);
        Assert.Equal(findings.Length, results.Items.Count);
        foreach (AuthenticationMethodFinding finding in findings)
        {
            ContainmentAction action = Assert.Single(results.Items, a => a.Target == finding.MethodId);
            Assert.Equal((ContainmentActions.RemoveAuthenticationMethod, ContainmentActionStatus.Succeeded, Adele.Id), (action.Action, action.Status, action.UserId));
            Assert.Equal(finding.MethodId, GraphJson.Text(JsonNode.Parse(action.BeforeImage!), "id"));
            Assert.NotNull(action.RequestId);
        }

        Assert.All(MethodFootholds, f => Assert.False(f.IsOpen, f.Reason));
        Assert.Equal(own, _tenant.Sandbox.Tenant.AuthenticationMethodsOf(Adele.Id).Select(m => m.Id).Order().ToArray());

        // The phone's before-image, in the finding and in the action, keeps its number only masked.
        AuthenticationMethodFinding phone = Assert.Single(findings, f => f.Type == MethodType.Phone.Name);
        ContainmentAction removed = Assert.Single(results.Items, a => a.Target == phone.MethodId);
        Assert.Equal("+44 ********61", GraphJson.Text(JsonNode.Parse(removed.BeforeImage!), "phoneNumber"));
        Assert.DoesNotContain("7700900461", removed.BeforeImage, StringComparison.Ordinal);
        Assert.DoesNotContain("7700900461", phone.BeforeImage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_already_gone_is_skipped_not_failed_and_the_rest_are_removed()
    {
        AuthenticationMethodFinding[] findings = await FindingsAsync();
        _tenant.Sandbox.Tenant.RemoveAuthenticationMethod(Adele.Id, findings[0].MethodId);

        KeptResults<ContainmentAction> results = await RemoveAsync(findings);

        Assert.Empty(results.Errors);
        ContainmentAction gone = Assert.Single(results.Items, a => a.Target == findings[0].MethodId);
        Assert.Equal(ContainmentActionStatus.Skipped, gone.Status);
        Assert.Contains("already gone", gone.Message, StringComparison.Ordinal);
        Assert.Null(gone.BeforeImage);
        Assert.All(results.Items.Where(a => a.Target != findings[0].MethodId), a => Assert.Equal(ContainmentActionStatus.Succeeded, a.Status));
    }

    [Fact]
    public async Task The_password_is_refused_before_graph_is_asked_with_what_to_do_instead_and_the_rest_go_on()
    {
        AuthenticationMethodFinding[] findings = await FindingsAsync();
        AuthenticationMethodFinding password = Own(WellKnownAuthenticationMethodIds.Password, MethodType.Password);

        KeptResults<ContainmentAction> results = await RemoveAsync(findings.Append(password).ToArray());

        IdentityContainment.Errors.ContainmentException error = Assert.Single(results.Errors);
        Assert.Equal(("PasswordMethodNotDeletable", IdentityContainment.Errors.ContainmentErrorKind.NotSupported), (error.ErrorId, error.Kind));
        Assert.Contains("Reset-CompromisedPassword", error.Message, StringComparison.Ordinal);
        Assert.NotNull(_tenant.Sandbox.Tenant.FindAuthenticationMethod(Adele.Id, WellKnownAuthenticationMethodIds.Password));
        Assert.Equal(findings.Length, results.Items.Count(a => a.Status == ContainmentActionStatus.Succeeded));
    }

    [Fact]
    public async Task A_finding_without_its_users_id_is_refused_as_incomplete_and_nothing_is_deleted()
    {
        AuthenticationMethodFinding[] findings = await FindingsAsync();
        AuthenticationMethodFinding stripped = new()
        {
            UserPrincipalName = findings[0].UserPrincipalName, MethodId = findings[0].MethodId, Type = findings[0].Type, DeletePath = findings[0].DeletePath,
        };

        KeptResults<ContainmentAction> results = await RemoveAsync(stripped);

        Assert.Equal("IncompleteAuthenticationMethodFinding", Assert.Single(results.Errors).ErrorId);
        Assert.NotNull(_tenant.Sandbox.Tenant.FindAuthenticationMethod(Adele.Id, findings[0].MethodId));
    }

    [Fact]
    public async Task Her_mobile_number_is_refused_while_the_alternate_stays_and_graph_says_what_to_do()
    {
        KeptResults<ContainmentAction> results = await RemoveAsync(Own(WellKnownAuthenticationMethodIds.MobilePhone, MethodType.Phone));

        IdentityContainment.Errors.ContainmentException error = Assert.Single(results.Errors);
        Assert.Equal("MobilePhoneHasAlternate", error.ErrorId);
        Assert.Contains("alternate mobile", error.Message, StringComparison.Ordinal);
        Assert.Equal(ContainmentActionStatus.Failed, Assert.Single(results.Items).Status);
        Assert.NotNull(_tenant.Sandbox.Tenant.FindAuthenticationMethod(Adele.Id, WellKnownAuthenticationMethodIds.MobilePhone));
    }

    [Fact]
    public async Task Both_numbers_passed_together_go_alternate_first_so_both_are_deleted()
    {
        KeptResults<ContainmentAction> results = await RemoveAsync(
            Own(WellKnownAuthenticationMethodIds.MobilePhone, MethodType.Phone),
            Own(WellKnownAuthenticationMethodIds.AlternateMobilePhone, MethodType.Phone));

        Assert.Empty(results.Errors);
        Assert.All(results.Items, a => Assert.Equal(ContainmentActionStatus.Succeeded, a.Status));
        Assert.DoesNotContain(_tenant.Sandbox.Tenant.AuthenticationMethodsOf(Adele.Id), m => m.Type == Sandbox.AuthenticationMethodType.Phone);
    }

    [Fact]
    public async Task Her_default_method_is_refused_while_others_remain_and_the_error_says_to_change_the_default_first()
    {
        AuthenticationMethodRecord iPhone = Assert.Single(_tenant.Sandbox.Tenant.AuthenticationMethodsOf(Adele.Id), m => m.IsDefault);

        KeptResults<ContainmentAction> results = await RemoveAsync(Own(iPhone.Id, MethodType.MicrosoftAuthenticator));

        IdentityContainment.Errors.ContainmentException error = Assert.Single(results.Errors);
        Assert.Equal(("AuthenticationMethodIsDefault", IdentityContainment.Errors.ContainmentErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains("Change the user's default method first", error.Message, StringComparison.Ordinal);
        Assert.Contains("adelev@contoso.com", error.Message, StringComparison.Ordinal);
        Assert.Equal(ContainmentActionStatus.Failed, Assert.Single(results.Items).Status);
        Assert.NotNull(_tenant.Sandbox.Tenant.FindAuthenticationMethod(Adele.Id, iPhone.Id));
    }

    [Fact]
    public async Task A_kind_the_module_does_not_know_is_read_judged_worth_a_look_and_refused_with_where_to_remove_it()
    {
        var facts = new KeptResults<AuthenticationMethodFacts>();
        await new AuthenticationMethodReader(_tenant.Connection).ReadAsync(new[] { new ContainmentUser { Id = Adele.Id, UserPrincipalName = Adele.UserPrincipalName } }, facts, CancellationToken.None);
        AuthenticationMethodFacts unknown = Assert.Single(facts.Items, m => !m.Type.IsKnown);
        AuthenticationMethodFinding finding = AuthenticationMethodJudge.Judge(unknown, new MethodReviewCriteria { Since = DateTimeOffset.UtcNow.AddDays(-2) })!;
        Assert.Equal(("#microsoft.graph.qrCodePinAuthenticationMethod", "Medium", "AuthMethodUnknownType"), (finding.ODataType, finding.RiskLevel, Assert.Single(finding.ReasonCodes)));

        KeptResults<ContainmentAction> results = await RemoveAsync(finding);

        IdentityContainment.Errors.ContainmentException error = Assert.Single(results.Errors);
        Assert.Equal("AuthenticationMethodTypeNotDeletable", error.ErrorId);
        Assert.Contains("Entra admin center", error.Message, StringComparison.Ordinal);
        Assert.NotNull(_tenant.Sandbox.Tenant.FindAuthenticationMethod(Adele.Id, unknown.Id));
    }

    [Fact]
    public async Task A_pass_issued_during_the_incident_is_found_active_and_its_deletion_says_the_sessions_went_with_it()
    {
        UserRecord alex = _tenant.Sandbox.Tenant.FindUser("alexw@contoso.com")!;
        AuthenticationMethodRecord expired = Assert.Single(_tenant.Sandbox.Tenant.AuthenticationMethodsOf(alex.Id), m => m.Type == Sandbox.AuthenticationMethodType.TemporaryAccessPass);
        _tenant.Sandbox.Tenant.RemoveAuthenticationMethod(alex.Id, expired.Id);
        DateTimeOffset issued = DateTimeOffset.UtcNow.AddMinutes(-10);
        _tenant.Sandbox.Tenant.AddAuthenticationMethod(expired with { CreatedDateTime = issued, StartDateTime = issued, LifetimeInMinutes = 480, IsUsableOnce = false });
        var facts = new KeptResults<AuthenticationMethodFacts>();
        await new AuthenticationMethodReader(_tenant.Connection).ReadAsync(new[] { new ContainmentUser { Id = alex.Id, UserPrincipalName = alex.UserPrincipalName } }, facts, CancellationToken.None);
        AuthenticationMethodFinding pass = Assert.Single(
            facts.Items.Select(m => AuthenticationMethodJudge.Judge(m, new MethodReviewCriteria())).OfType<AuthenticationMethodFinding>(),
            f => f.Type == MethodType.TemporaryAccessPass.Name);
        Assert.Equal(new[] { "AuthMethodActiveTemporaryAccessPass" }, pass.ReasonCodes);

        KeptResults<ContainmentAction> results = await RemoveAsync(pass);

        ContainmentAction deleted = Assert.Single(results.Items);
        Assert.Equal(ContainmentActionStatus.Succeeded, deleted.Status);
        Assert.Contains("revoked the user's sessions", deleted.Message, StringComparison.Ordinal);
        Assert.Null(_tenant.Sandbox.Tenant.FindAuthenticationMethod(alex.Id, expired.Id));
    }

    [Fact]
    public async Task With_read_permission_only_the_delete_is_refused_naming_the_permission_and_the_method_stays()
    {
        AuthenticationMethodFinding[] findings = await FindingsAsync();
        var results = new KeptResults<ContainmentAction>();
        using GraphConnection readOnly = await _tenant.ConnectWithOnlyAsync("UserAuthenticationMethod.Read.All");

        await new AuthenticationMethodRemoval(readOnly).RemoveAsync(findings, results, CancellationToken.None);

        Assert.Equal(findings.Length, results.Errors.Count);
        Assert.All(results.Errors, e => Assert.Equal(IdentityContainment.Errors.ContainmentErrorKind.PermissionDenied, e.Kind));
        Assert.All(results.Errors, e => Assert.Contains("UserAuthenticationMethod.ReadWrite.All", e.Message, StringComparison.Ordinal));
        Assert.All(results.Items, a => Assert.Equal(ContainmentActionStatus.Failed, a.Status));
        Assert.All(MethodFootholds, f => Assert.True(f.IsOpen, f.Reason));
    }
}
