using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class RiskyUserTests
{
    private static string UserIds(params string[] ids) =>
        new System.Text.Json.Nodes.JsonObject { ["userIds"] = new System.Text.Json.Nodes.JsonArray(ids.Select(i => (System.Text.Json.Nodes.JsonNode)i).ToArray()) }.ToJsonString();

    // Most tests here make several Identity Protection calls; only the throttling test keeps 1 per second.
    private static Task<SandboxServer> StartAsync() =>
        TestSandbox.StartAsync(configure: o => o.Throttling.IdentityProtectionRequestsPerSecond = 100);

    [Fact]
    public async Task Confirm_compromised_is_204_and_marks_each_user_high_and_confirmedCompromised()
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        Assert.Null(server.Tenant.FindRiskyUser(Known.AlexId));

        var response = await graph.PostAsync("identityProtection/riskyUsers/confirmCompromised", UserIds(Known.AdeleId, Known.AlexId));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        foreach (var id in new[] { Known.AdeleId, Known.AlexId })
        {
            var risky = await GraphTestClient.JsonAsync(await graph.GetAsync($"identityProtection/riskyUsers/{id}"));
            Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#identityProtection/riskyUsers/$entity", (string?)risky["@odata.context"]);
            Assert.Equal(id, (string?)risky["id"]);
            Assert.Equal("high", (string?)risky["riskLevel"]);
            Assert.Equal("confirmedCompromised", (string?)risky["riskState"]);
            Assert.Equal("adminConfirmedUserCompromised", (string?)risky["riskDetail"]);
            Assert.False((bool)risky["isDeleted"]!);
            Assert.False((bool)risky["isProcessing"]!);
            Assert.NotNull((string?)risky["riskLastUpdatedDateTime"]);
        }
        Assert.Equal("alexw@contoso.com", server.Tenant.FindRiskyUser(Known.AlexId)!.UserPrincipalName);
    }

    [Theory]
    [InlineData("confirmCompromised")]
    [InlineData("dismiss")]
    public async Task A_call_takes_sixty_users_at_most_and_refuses_more_whole(string action)
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var others = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid().ToString()).ToArray();

        var tooMany = await graph.PostAsync($"identityProtection/riskyUsers/{action}", UserIds([Known.AlexId, .. others]));
        var refusedAlex = server.Tenant.FindRiskyUser(Known.AlexId);
        var sixty = await graph.PostAsync($"identityProtection/riskyUsers/{action}", UserIds([Known.AlexId, .. others[..59]]));

        await GraphAssert.ErrorAsync(tooMany, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Null(refusedAlex);
        Assert.Equal(HttpStatusCode.NoContent, sixty.StatusCode);
        Assert.NotNull(server.Tenant.FindRiskyUser(Known.AlexId));
    }

    [Fact]
    public async Task Risky_users_list_in_pages_up_to_top_five_hundred()
    {
        await using var server = await TestSandbox.StartAsync(configure: o =>
        {
            o.Throttling.IdentityProtectionRequestsPerSecond = 100;
            o.Paging.MaxPageSize = 2;
        });
        using var graph = GraphTestClient.AsAutomation(server);
        var ids = server.Tenant.Users.Take(5).Select(u => u.Id).ToArray();
        Assert.Equal(HttpStatusCode.NoContent, (await graph.PostAsync("identityProtection/riskyUsers/confirmCompromised", UserIds(ids))).StatusCode);

        var pages = await graph.PagesAsync("identityProtection/riskyUsers?$select=id,riskState");
        var listed = pages.SelectMany(p => p).Select(r => (string)r["id"]!).ToList();
        var tooMany = await graph.GetAsync("identityProtection/riskyUsers?$top=501");

        Assert.Equal(server.Tenant.RiskyUsers.Select(r => r.Id).Order(), listed.Order());
        Assert.Subset(listed.ToHashSet(), ids.ToHashSet());
        Assert.All(pages, p => Assert.InRange(p.Length, 1, 2));
        await GraphAssert.ErrorAsync(tooMany, HttpStatusCode.BadRequest, "Request_BadRequest");
    }

    [Fact]
    public async Task Dismiss_sets_risk_none_and_dismissed()
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("identityProtection/riskyUsers/dismiss", UserIds(Known.AdeleId));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var risky = server.Tenant.FindRiskyUser(Known.AdeleId)!;
        Assert.Equal(("none", "dismissed", "adminDismissedAllRiskForUser"), (risky.RiskLevel, risky.RiskState, risky.RiskDetail));
    }

    [Fact]
    public async Task Unknown_user_ids_are_skipped_and_the_rest_apply()
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var nobody = Guid.NewGuid().ToString();

        var response = await graph.PostAsync("identityProtection/riskyUsers/confirmCompromised", UserIds(nobody, Known.AdeleId));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(server.Tenant.FindRiskyUser(nobody));
        Assert.Equal("confirmedCompromised", server.Tenant.FindRiskyUser(Known.AdeleId)!.RiskState);
    }

    [Fact]
    public async Task Second_call_within_a_second_is_429_without_Retry_After()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var first = await graph.PostAsync("identityProtection/riskyUsers/confirmCompromised", UserIds(Known.AdeleId));
        var second = await graph.PostAsync("identityProtection/riskyUsers/dismiss", UserIds(Known.AdeleId));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await GraphAssert.ErrorAsync(second, HttpStatusCode.TooManyRequests, "TooManyRequests", "Please retry again later.");
        Assert.Null(second.Headers.RetryAfter);
        Assert.False(second.Headers.Contains("Retry-After"));
        Assert.Equal($"Tenant/IdentityProtection/{Known.TenantId}", GraphAssert.Header(second, "x-ms-throttle-scope"));
        Assert.Equal("confirmedCompromised", server.Tenant.FindRiskyUser(Known.AdeleId)!.RiskState);
    }

    [Fact]
    public async Task The_limit_is_per_tenant_not_per_app()
    {
        await using var server = await TestSandbox.StartAsync();
        using var automation = GraphTestClient.AsAutomation(server);
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        await automation.PostAsync("identityProtection/riskyUsers/confirmCompromised", UserIds(Known.AdeleId));
        var other = await admin.GetAsync($"identityProtection/riskyUsers/{Known.AdeleId}");

        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    public static TheoryData<string, string[], HttpStatusCode> DelegatedCases => new()
    {
        // Nestor holds Security Administrator.
        { Known.DelegatedAdminUpn, ["IdentityRiskyUser.ReadWrite.All"], HttpStatusCode.NoContent },
        { Known.DelegatedAdminUpn, ["IdentityRiskyUser.Read.All"], HttpStatusCode.Forbidden },
        // Alex has the scope but no security role.
        { Known.AlexUpn, ["IdentityRiskyUser.ReadWrite.All"], HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(DelegatedCases))]
    public async Task Delegated_callers_need_the_scope_and_security_administrator(string upn, string[] scopes, HttpStatusCode expected)
    {
        await using var server = await StartAsync();
        using var graph = new GraphTestClient(server, Tokens.Delegated(server, upn, scopes));

        var response = await graph.PostAsync("identityProtection/riskyUsers/confirmCompromised", UserIds(Known.AdeleId));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task App_without_IdentityRiskyUser_permission_is_403()
    {
        await using var server = await StartAsync();
        using var graph = new GraphTestClient(server, Tokens.Reporter(server));

        var response = await graph.PostAsync("identityProtection/riskyUsers/confirmCompromised", UserIds(Known.AdeleId));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"userIds":[]}""")]
    [InlineData("""{"userIds":["adelev@contoso.com"]}""")]
    [InlineData("""{"ids":["bc67ba94-637d-4efa-a09e-467ada679f81"]}""")]
    public async Task Malformed_body_is_400(string body)
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("identityProtection/riskyUsers/confirmCompromised", body);

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal("atRisk", server.Tenant.FindRiskyUser(Known.AdeleId)!.RiskState);
    }

    [Fact]
    public async Task Risky_user_that_does_not_exist_is_404()
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync($"identityProtection/riskyUsers/{Known.AlexId}");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }
}
