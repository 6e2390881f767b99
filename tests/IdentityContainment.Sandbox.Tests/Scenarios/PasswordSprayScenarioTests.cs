
namespace IdentityContainment.Sandbox.Tests;

public sealed class PasswordSprayScenarioTests
{
    [Fact]
    public async Task Password_spray_starts_with_a_thousand_compromised_users_each_with_session_and_password_footholds()
    {
        await using var server = await TestSandbox.StartAsync("password-spray");
        var tenant = server.Tenant;

        var footholds = server.EvaluateFootholds();
        var victims = footholds.Select(f => f.UserId).Distinct().Select(id => tenant.FindUser(id)!).ToArray();

        Assert.Equal("password-spray", tenant.ScenarioName);
        Assert.Equal(1000, victims.Length);
        Assert.Equal(2000, footholds.Count);
        Assert.All(footholds, f => Assert.True(f.IsOpen, f.Reason));
        Assert.All(victims, v => Assert.Equal(
            [FootholdKind.Session, FootholdKind.Password],
            footholds.Where(f => f.UserId == v.Id).Select(f => f.Kind).Order()));
        Assert.Equal(5, victims.Count(v => v.IsSyncedFromOnPremises));
        Assert.Equal(5, victims.Count(v => v.IsGuest));
        Assert.Single(victims, v => v.DirectoryRoles.Contains(DirectoryRoles.GlobalAdministrator));
        Assert.True(tenant.UserCount - victims.Length >= 250, "some healthy users");
        Assert.Equal(TenantSize.Large, tenant.Size);
        Assert.Equal(995, tenant.RiskyUsers.Count(r => r.RiskState == "atRisk"));
        Assert.NotNull(tenant.FindKeyVault(Known.VaultName));
    }

    [Fact]
    public void Password_spray_is_the_same_tenant_every_time()
    {
        var now = DateTimeOffset.UtcNow;

        var first = ScenarioLoader.Load("password-spray", now);
        var second = ScenarioLoader.Load("password-spray", now);

        Assert.Equal(first.Users.Select(u => (u.Id, u.UserPrincipalName, u.UserType, u.OnPremisesSyncEnabled)),
            second.Users.Select(u => (u.Id, u.UserPrincipalName, u.UserType, u.OnPremisesSyncEnabled)));
        Assert.Equal(first.Footholds.Select(f => (f.Id, f.UserId)), second.Footholds.Select(f => (f.Id, f.UserId)));
    }

    [Fact]
    public void Generator_makes_five_thousand_compromised_users_with_two_footholds_each()
    {
        var scenario = ScenarioLoader.Prepare(
            ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 5000, CompromisedUsers = 5000 }), "generated");
        var tenant = new TenantState(scenario);
        var open = FootholdEvaluator.Evaluate(tenant).Count(f => f.IsOpen);

        Assert.Equal(10_000, open);
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(1250, 1000)]
    [InlineData(7, 7)]
    public void Compromised_users_are_exactly_as_many_as_asked_for(int users, int compromised)
    {
        var scenario = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = users, CompromisedUsers = compromised, InboxRulesPerUser = 0, GrantsPerUser = 0 });

        Assert.Equal(compromised, scenario.Footholds.Select(f => f.UserId).Distinct().Count());
    }

    [Fact]
    public void Special_victims_cannot_outnumber_the_compromised()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioGenerator.Generate(new GeneratedTenantOptions
        {
            Users = 10,
            CompromisedUsers = 2,
            CompromisedGuests = 2,
            CompromisedSyncedUsers = 1,
        }));
    }
}
