
namespace IdentityContainment.Sandbox.Tests;

public sealed class ScenarioGeneratorTests
{
    [Fact]
    public void Same_seed_gives_the_same_tenant()
    {
        var now = DateTimeOffset.UtcNow;
        var options = new GeneratedTenantOptions { Users = 50, CompromisedUsers = 3, Seed = 7, Now = now };

        var first = ScenarioGenerator.Generate(options);
        var second = ScenarioGenerator.Generate(options);

        Assert.Equal(first.Users.Select(u => (u.Id, u.UserPrincipalName, u.DisplayName)), second.Users.Select(u => (u.Id, u.UserPrincipalName, u.DisplayName)));
        Assert.Equal(first.OAuth2PermissionGrants.Select(g => g.Id), second.OAuth2PermissionGrants.Select(g => g.Id));
    }

    [Fact]
    public void Compromised_users_get_a_session_and_a_password_foothold_each()
    {
        var scenario = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 40, CompromisedUsers = 4 });

        Assert.Equal(4, scenario.Footholds.Count(f => f.Kind == FootholdKind.Session));
        Assert.Equal(4, scenario.Footholds.Count(f => f.Kind == FootholdKind.Password));
        Assert.Equal(4, scenario.Footholds.Select(f => f.UserId).Distinct().Count());
    }

    [Fact]
    public void Ten_thousand_users_generate_and_load()
    {
        var scenario = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 10_000, CompromisedUsers = 25 });
        var prepared = ScenarioLoader.Prepare(scenario, "generated");
        var tenant = new TenantState(prepared);

        Assert.Equal(10_000 + 1, tenant.UserCount);
        Assert.Equal(TenantSize.Large, tenant.Size);
    }
}

public sealed class LargeConsentTenantTests
{
    [Fact]
    public void The_benchmark_tenant_has_the_promised_size_and_loads()
    {
        var options = GeneratedTenantPresets.LargeConsent();

        var scenario = ScenarioLoader.Prepare(ScenarioGenerator.Generate(options), "large-consent");
        var tenant = new TenantState(scenario);

        Assert.Equal(50_000 + 1, tenant.UserCount);
        // 2 per user, plus an admin consent for every 100th of the 5,000 apps.
        Assert.Equal(100_000 + 50, tenant.PermissionGrants.Count);
        Assert.Equal(5_000, tenant.ServicePrincipals.Count - ScenarioLoader.Load("clean").ServicePrincipals.Count);
        Assert.Equal(20, tenant.AppRoleAssignments.Count);
        // Every 50th app is a phishing app that someone consented to: one oauthApp foothold and one audit each.
        Assert.Equal(100, scenario.Footholds.Count(f => f.Kind == FootholdKind.OAuthApp));
        Assert.Equal(100, tenant.DirectoryAudits.Count);
        Assert.All(FootholdEvaluator.Evaluate(tenant).Where(f => f.Kind == FootholdKind.OAuthApp).Take(5), f => Assert.True(f.IsOpen, f.Reason));
    }

    [Fact]
    public void Consent_variety_keeps_the_users_and_grant_ids_of_the_same_seed()
    {
        var plain = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 300, ServicePrincipals = 120, GrantsPerUser = 2, Seed = 3 });
        var varied = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 300, ServicePrincipals = 120, GrantsPerUser = 2, Seed = 3, ConsentVariety = true });

        Assert.Equal(plain.Users.Select(u => u.Id), varied.Users.Select(u => u.Id));
        Assert.Equal(plain.OAuth2PermissionGrants.Select(g => g.Id), varied.OAuth2PermissionGrants.Where(g => g.ConsentType == ConsentTypes.Principal).Select(g => g.Id));
        Assert.Contains(varied.OAuth2PermissionGrants, g => g.Scope.Contains("Mail.Send", StringComparison.Ordinal));
        Assert.DoesNotContain(plain.OAuth2PermissionGrants, g => g.Scope.Contains("Mail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sandbox_pages_all_of_its_grants_at_the_largest_page_size()
    {
        await using var server = await TestSandbox.StartAsync(ScenarioLoader.LargeConsentName);
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync("oauth2PermissionGrants?$top=999&$select=id,clientId,consentType,principalId,resourceId,scope");

        Assert.Equal(101, pages.Count);
        var ids = pages.SelectMany(p => p).Select(g => (string)g["id"]!).ToArray();
        Assert.Equal(100_050, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }
}

public sealed class MailboxBenchmarkTenantTests
{
    [Fact]
    public void A_thousand_mailboxes_with_ten_rules_each_whose_folders_resolve()
    {
        var scenario = ScenarioLoader.Load(ScenarioLoader.MailboxBenchmarkName);

        Assert.Equal(1_000, scenario.Mailboxes.Count);
        Assert.All(scenario.Mailboxes, m => Assert.Equal(10, m.InboxRules.Count));
        var first = scenario.Mailboxes[0];
        var folderIds = MailFolders.Of(first).Select(f => f.Id).ToHashSet();
        var targets = first.InboxRules.SelectMany(r => new[] { r.Actions?.MoveToFolder, r.Actions?.CopyToFolder }).OfType<string>().ToArray();
        Assert.True(targets.Length >= 4);
        Assert.All(targets, t => Assert.Contains(t, folderIds));
    }

    [Fact]
    public void Fewer_mailboxes_than_users_leaves_the_rest_without_one()
    {
        var scenario = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 10, Mailboxes = 4, InboxRulesPerUser = 3 });
        var tenant = new TenantState(scenario);

        Assert.Equal(4, scenario.Mailboxes.Count);
        Assert.Null(tenant.FindMailbox(tenant.FindUser("user00005@contoso.com")!.Id));
        Assert.Equal(3, tenant.FindMailbox(tenant.FindUser("user00000@contoso.com")!.Id)!.InboxRules.Count);
    }
}
