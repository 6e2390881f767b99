using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class ListUsersTests
{
    [Fact]
    public async Task Paging_follows_next_links_through_every_user_once()
    {
        var scenario = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 250 });
        await using var server = await TestSandbox.StartAsync(configure: o => o.ScenarioObject = scenario);
        using var graph = GraphTestClient.AsAutomation(server);

        var seen = new List<string>();
        string? next = "users?$select=id,userPrincipalName&$top=100";
        var pages = 0;
        while (next is not null)
        {
            var page = await GraphTestClient.JsonAsync(await graph.GetAsync(next));
            seen.AddRange(page["value"]!.AsArray().Select(u => (string)u!["id"]!));
            next = (string?)page["@odata.nextLink"];
            if (next is not null)
            {
                Assert.StartsWith(server.GraphEndpoint + "/users?", next);
                Assert.Contains("$select=id%2CuserPrincipalName", next);
                Assert.Contains("$top=100", next);
                Assert.Contains("$skiptoken=", next);
            }
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(server.Tenant.UserCount, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Default_page_is_a_hundred_users()
    {
        var scenario = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 120 });
        await using var server = await TestSandbox.StartAsync(configure: o => o.ScenarioObject = scenario);
        using var graph = GraphTestClient.AsAutomation(server);

        var page = await GraphTestClient.JsonAsync(await graph.GetAsync("users"));

        Assert.Equal(100, page["value"]!.AsArray().Count);
        Assert.NotNull(page["@odata.nextLink"]);
        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#users", (string?)page["@odata.context"]);
    }

    [Theory]
    [InlineData("userPrincipalName eq 'adelev@contoso.com'", new[] { "adelev@contoso.com" })]
    [InlineData("userPrincipalName eq 'ADELEV@contoso.com'", new[] { "adelev@contoso.com" })]
    [InlineData("id in ('bc67ba94-637d-4efa-a09e-467ada679f81','2c63888f-28f0-4481-be6d-dce7a7ace732')", new[] { "meganb@contoso.com", "adelev@contoso.com" })]
    [InlineData("userType eq 'Guest'", new[] { "jordan.miller_fabrikam.com#EXT#@contosodemo.onmicrosoft.com" })]
    [InlineData("accountEnabled eq false", new string[0])]
    [InlineData("startswith(displayName,'Ad')", new[] { "adelev@contoso.com" })]
    [InlineData("userType eq 'Member' and startswith(userPrincipalName,'me')", new[] { "meganb@contoso.com" })]
    public async Task Filter_subset_selects_the_matching_users(string filter, string[] expected)
    {
        await using var server = await TestSandbox.StartAsync("guest-user");
        using var graph = GraphTestClient.AsAutomation(server);

        var page = await GraphTestClient.JsonAsync(await graph.GetAsync($"users?$select=userPrincipalName&$filter={Uri.EscapeDataString(filter)}"));

        Assert.Equal(expected.Order(), page["value"]!.AsArray().Select(u => (string)u!["userPrincipalName"]!).Order());
    }

    [Theory]
    [InlineData("userPrincipalName ne 'a@b.com'")]
    [InlineData("endswith(mail,'@contoso.com')")]
    [InlineData("jobTitle eq 'Planner'")]
    public async Task Unsupported_filter_is_400_unsupported_query(string filter)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync($"users?$filter={Uri.EscapeDataString(filter)}");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Request_UnsupportedQuery", "Unsupported Query.");
    }

    [Fact]
    public async Task In_takes_fifteen_values_and_refuses_sixteen_as_graph_does()
    {
        var scenario = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 40 });
        await using var server = await TestSandbox.StartAsync(configure: o => o.ScenarioObject = scenario);
        using var graph = GraphTestClient.AsAutomation(server);
        var upns = server.Tenant.Users.Select(u => u.UserPrincipalName).Take(16).ToList();
        string In(IEnumerable<string> values) => "users?$select=id&$filter=" + Uri.EscapeDataString($"userPrincipalName in ({string.Join(",", values.Select(v => $"'{v}'"))})");

        var fifteen = await GraphTestClient.JsonAsync(await graph.GetAsync(In(upns.Take(15))));
        var sixteen = await graph.GetAsync(In(upns));

        Assert.Equal(15, fifteen["value"]!.AsArray().Count);
        await GraphAssert.ErrorAsync(sixteen, HttpStatusCode.BadRequest, "Request_UnsupportedQuery", "Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed: 15.");
    }

    [Fact]
    public async Task Top_above_999_is_refused()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync("users?$top=1000");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Request_BadRequest");
    }

    [Fact]
    public async Task Count_needs_the_consistency_level_header()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1.0/users?$count=true&$select=id");
        request.Headers.Add("ConsistencyLevel", "eventual");

        var without = await GraphTestClient.JsonAsync(await graph.GetAsync("users?$count=true&$select=id"));
        var with = await GraphTestClient.JsonAsync(await graph.SendAsync(request));

        Assert.Null(without["@odata.count"]);
        Assert.Equal(10, (int)with["@odata.count"]!);
    }
}
