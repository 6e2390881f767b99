namespace IdentityContainment.Sandbox.Tests;

public sealed class IllicitConsentScenarioTests
{
    [Fact]
    public void The_scenario_loads_with_every_foothold_open()
    {
        var tenant = new TenantState(ScenarioLoader.Load("illicit-consent"));

        var footholds = FootholdEvaluator.Evaluate(tenant);

        Assert.Equal(["consent-phish-adele", "consent-phish-lee", "consent-phish-diego", "consent-phish-app", "admin-consent-app", "admin-consent-grant"],
            footholds.Select(f => f.Id));
        Assert.All(footholds, f => Assert.True(f.IsOpen, $"{f.Id}: {f.Reason}"));
    }

    [Fact]
    public void The_phishing_app_has_every_trait_of_consent_phishing()
    {
        var scenario = ScenarioLoader.Load("illicit-consent");

        var phish = scenario.ServicePrincipals.Single(sp => sp.Id == Known.PhishingAppServicePrincipalId);
        Assert.Null(phish.VerifiedPublisher);
        Assert.NotEqual(Known.MicrosoftTenantId, phish.AppOwnerOrganizationId);
        Assert.NotEqual(Known.TenantId, phish.AppOwnerOrganizationId);
        Assert.Contains("http://localhost:8080/access/", phish.ReplyUrls);
        // A Cyrillic "о" in "Microsoft": it reads as Microsoft Outlook Sync but is not.
        Assert.Equal("Micr\u043esoft Outlook Sync", phish.DisplayName);
        Assert.Equal(3, scenario.OAuth2PermissionGrants.Count(g => g.ClientId == phish.Id && g.ResourceId == Known.GraphServicePrincipalId));
        Assert.Equal(3, scenario.DirectoryAudits.Count(a => a.ActivityDisplayName == "Consent to application"
            && a.TargetResources.Any(t => t.Id == phish.Id)
            && a.TargetResources[0].ModifiedProperties.Any(p => p.DisplayName == "ConsentContext.IsAdminConsent" && p.NewValue == "\"False\"")));
    }

    [Fact]
    public void The_admin_consent_is_tenant_wide_with_application_permissions_and_logged()
    {
        var scenario = ScenarioLoader.Load("illicit-consent");

        var grant = scenario.OAuth2PermissionGrants.Single(g => g.ClientId == Known.AdminConsentedAppServicePrincipalId);
        Assert.Equal(ConsentTypes.AllPrincipals, grant.ConsentType);
        Assert.Null(grant.PrincipalId);
        var roles = scenario.AppRoleAssignments.Where(a => a.PrincipalId == Known.AdminConsentedAppServicePrincipalId)
            .Select(a => scenario.ServicePrincipals.Single(sp => sp.Id == a.ResourceId).AppRoles.Single(r => r.Id == a.AppRoleId).Value);
        Assert.Equal(["Mail.Read", "full_access_as_app"], roles.Order(StringComparer.Ordinal));
        var consent = scenario.DirectoryAudits.Single(a => a.ActivityDisplayName == "Consent to application" && a.TargetResources[0].Id == Known.AdminConsentedAppServicePrincipalId);
        Assert.Equal(Known.GlobalAdminUpn, consent.InitiatedBy.User!.UserPrincipalName);
        Assert.Contains(consent.TargetResources[0].ModifiedProperties, p => p.DisplayName == "ConsentContext.IsAdminConsent" && p.NewValue == "\"True\"");
        Assert.Equal(2, scenario.DirectoryAudits.Count(a => a.ActivityDisplayName == "Add app role assignment to service principal"));
    }

    [Fact]
    public void The_benign_apps_are_verified_or_microsofts_own_and_no_foothold_names_them()
    {
        var scenario = ScenarioLoader.Load("illicit-consent");
        var targets = scenario.Footholds.Select(f => f.Target).ToHashSet();

        var payroll = scenario.ServicePrincipals.Single(sp => sp.Id == Known.PayrollAppServicePrincipalId);
        var office = scenario.ServicePrincipals.Single(sp => sp.Id == Known.MicrosoftOfficeServicePrincipalId);
        Assert.NotNull(payroll.VerifiedPublisher);
        Assert.Contains("Files.ReadWrite.All", scenario.OAuth2PermissionGrants.Single(g => g.ClientId == payroll.Id).Scope);
        Assert.Equal(Known.MicrosoftTenantId, office.AppOwnerOrganizationId);
        Assert.DoesNotContain(scenario.OAuth2PermissionGrants, g => (g.ClientId == payroll.Id || g.ClientId == office.Id) && targets.Contains(g.Id));
        Assert.DoesNotContain(payroll.Id, targets);
        Assert.DoesNotContain(office.Id, targets);
    }

    [Fact]
    public void An_oauth_app_foothold_must_name_a_service_principal()
    {
        var path = ScenarioFiles.Write(ScenarioFiles.Minimal(footholds: """
            { "id": "x", "kind": "oauthApp", "userId": "ann@tiny.onmicrosoft.com", "description": "d", "target": "nope" }
            """));

        var error = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadFile(path));

        Assert.Contains("footholds[0].target: 'nope' refers to no service principal.", error.Message, StringComparison.Ordinal);
    }
}
