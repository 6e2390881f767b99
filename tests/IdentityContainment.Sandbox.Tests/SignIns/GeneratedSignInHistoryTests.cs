using System.Globalization;
using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class GeneratedSignInHistoryTests
{
    [Fact]
    public async Task A_generated_tenant_gives_each_user_the_asked_number_of_ordinary_sign_ins_paged_per_user()
    {
        var scenario = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 4, CompromisedUsers = 1, SignInsPerUser = 45 });
        await using var server = await TestSandbox.StartAsync(configure: o => o.ScenarioObject = scenario);
        server.Throttling.ReportsQuota = 100_000;
        using var graph = GraphTestClient.AsAutomation(server);
        var user = scenario.Users.First(u => u.UserPrincipalName.StartsWith("user00002@", StringComparison.Ordinal));

        var pages = await graph.PagesAsync($"auditLogs/signIns?$top=20&$filter={Uri.EscapeDataString($"userId eq '{user.Id}'")}");

        Assert.Equal([20, 20, 5], pages.Select(p => p.Length));
        var served = pages.SelectMany(p => p).ToArray();
        var now = server.Tenant.Clock.GetUtcNow();
        Assert.All(served, s =>
        {
            Assert.Equal(0, (int)s["status"]!["errorCode"]!);
            Assert.Equal("US", (string?)s["location"]!["countryOrRegion"]);
            Assert.NotNull(s["location"]!["geoCoordinates"]!["latitude"]);
            Assert.InRange(DateTimeOffset.Parse((string)s["createdDateTime"]!, CultureInfo.InvariantCulture), now.AddDays(-31), now);
        });
        Assert.Equal(4 * 45 + 1, scenario.SignIns.Count);
    }

    [Fact]
    public void Sign_in_history_changes_nothing_else_in_a_generated_tenant()
    {
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var without = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 5, CompromisedUsers = 2, Now = now });
        var with = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 5, CompromisedUsers = 2, Now = now, SignInsPerUser = 3 });

        Assert.Equal(without.Users.Select(u => u.Id), with.Users.Select(u => u.Id));
        Assert.Equal(without.Footholds.Select(f => f.Id), with.Footholds.Select(f => f.Id));
        Assert.Equal(without.SignIns.Select(s => s.Id), with.SignIns.Take(without.SignIns.Count).Select(s => s.Id));
        Assert.Equal(15, with.SignIns.Count - without.SignIns.Count);
    }

    [Fact]
    public async Task Sign_ins_at_the_same_second_page_once_each()
    {
        var baseScenario = ScenarioLoader.Load("aitm-bec");
        var at = baseScenario.SignIns.Max(s => s.CreatedDateTime).AddMinutes(1);
        // Listed against their paging order (ids descending), as a scenario file may list them.
        var same = Enumerable.Range(0, 6).Select(i => new SignInRecord
        {
            Id = $"0000000{5 - i}-0000-0000-0000-000000000000",
            CreatedDateTime = at,
            UserId = Known.AdeleId,
            IpAddress = "203.0.113.24",
        }).ToArray();
        await using var server = await TestSandbox.StartAsync(configure: o => o.ScenarioObject = baseScenario with { SignIns = [.. baseScenario.SignIns, .. same] });
        server.Throttling.ReportsQuota = 100_000;
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync("auditLogs/signIns?$top=2");

        var firstSix = pages.SelectMany(p => p).Take(6).Select(s => (string)s["id"]!).ToArray();
        Assert.Equal(same.Select(s => s.Id).Order(StringComparer.Ordinal), firstSix);
        Assert.Equal(server.Tenant.SignIns.Count, pages.Sum(p => p.Length));
    }
}
