
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
