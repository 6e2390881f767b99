using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class SandboxServerTests
{
    [Fact]
    public async Task Server_listens_on_loopback_at_the_documented_addresses()
    {
        // How fast it starts is a benchmark's business, not a test's: a loaded CI machine would make it flaky.
        await using var server = await TestSandbox.StartAsync();

        Assert.Equal("127.0.0.1", server.HttpBaseAddress.Host);
        Assert.Equal($"http://127.0.0.1:{server.HttpBaseAddress.Port}/v1.0", server.GraphEndpoint.ToString());
        Assert.Equal($"http://127.0.0.1:{server.HttpBaseAddress.Port}/msi/token", server.ManagedIdentityEndpoint.ToString());
    }

    [Fact]
    public async Task Several_servers_run_side_by_side_with_separate_state()
    {
        await using var first = await TestSandbox.StartAsync();
        await using var second = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(first);

        await graph.PatchAsync($"users/{Known.AdeleUpn}", """{"accountEnabled":false}""");

        Assert.NotEqual(first.HttpBaseAddress, second.HttpBaseAddress);
        Assert.False(first.Tenant.FindUser(Known.AdeleUpn)!.AccountEnabled);
        Assert.True(second.Tenant.FindUser(Known.AdeleUpn)!.AccountEnabled);
    }

    [Fact]
    public async Task Every_response_carries_request_id_date_and_the_echoed_client_request_id()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1.0/organization");
        request.Headers.Add("client-request-id", "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");

        var echoed = await graph.SendAsync(request);
        var fresh = await graph.GetAsync("organization");

        Assert.Equal("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", GraphAssert.Header(echoed, "client-request-id"));
        Assert.True(Guid.TryParse(GraphAssert.Header(echoed, "request-id"), out _));
        Assert.NotNull(echoed.Headers.Date);
        Assert.True(Guid.TryParse(GraphAssert.Header(fresh, "client-request-id"), out _));
        Assert.NotEqual(GraphAssert.Header(echoed, "request-id"), GraphAssert.Header(fresh, "request-id"));
    }

    [Fact]
    public async Task Unknown_graph_path_is_400_resource_not_found_for_the_segment()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync("widgets/1");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest", "Resource not found for the segment 'widgets'.");
    }

    [Fact]
    public async Task Sandbox_token_path_mints_tokens_for_scripts()
    {
        await using var server = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = server.HttpBaseAddress };

        var minted = await http.PostAsJsonAsync("sandbox/token", new { appId = Known.AutomationAppId, permissions = new[] { "User.Read.All" }, lifetime = "00:10:00" });
        var body = await minted.Content.ReadFromJsonAsync<JsonObject>();
        using var graph = new GraphTestClient(server, (string)body!["access_token"]!);

        Assert.Equal(600, (int)body["expires_in"]!);
        Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync($"users/{Known.AdeleUpn}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("sandbox/token", new { permissions = new[] { "x" } })).StatusCode);
    }

    [Fact]
    public async Task Sandbox_summary_and_request_log_are_served_as_json()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        using var http = new HttpClient { BaseAddress = server.HttpBaseAddress };
        await graph.GetAsync("organization");

        var summary = await http.GetFromJsonAsync<JsonObject>("sandbox");
        var log = await http.GetFromJsonAsync<JsonArray>("sandbox/requests");

        Assert.Equal(Known.TenantId, (string?)summary!["tenantId"]);
        Assert.Equal(server.GraphEndpoint.ToString(), (string?)summary["graphEndpoint"]);
        var entry = Assert.Single(log!)!;
        Assert.Equal("/organization", (string?)entry["path"]);
        Assert.Equal(200, (int)entry["status"]!);
    }

    [Fact]
    public async Task Secrets_and_tokens_appear_in_no_response_or_log()
    {
        var (server, https) = await TestSandbox.StartWithHttpsAsync();
        await using var _ = server;
        using var __ = https;
        using var http = new HttpClient { BaseAddress = server.HttpBaseAddress };
        var token = Tokens.Automation(server);
        using var graph = new GraphTestClient(server, token);

        var responses = new List<HttpResponseMessage>
        {
            await https.PostAsync($"{Known.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = Known.AutomationAppId,
                ["scope"] = "https://graph.microsoft.com/.default", ["client_secret"] = Known.AutomationSecret + "x",
            })),
            await graph.PatchAsync($"users/{Known.AdeleUpn}", """{"passwordProfile":{"password":"weak"}}"""),
            await graph.PatchAsync($"users/{Known.AdeleUpn}", """{"passwordProfile":{"password":"N3w-Contained!Pass"}}"""),
            await graph.GetAsync($"users/{Known.AdeleUpn}?$select=passwordProfile"),
            await http.GetAsync("sandbox/requests"),
            await http.GetAsync("sandbox/footholds"),
            await http.GetAsync("sandbox"),
        };

        foreach (var response in responses)
        {
            var text = await response.Content.ReadAsStringAsync() + string.Join(' ', response.Headers.SelectMany(h => h.Value));
            Assert.DoesNotContain(Known.AutomationSecret, text);
            Assert.DoesNotContain("N3w-Contained!Pass", text);
            Assert.DoesNotContain("Summer2026!Payables", text);
            Assert.DoesNotContain(token, text);
            Assert.DoesNotContain(server.ManagedIdentityHeader, text);
        }
        Assert.Equal("[secret]", server.Tenant.FindUser(Known.AdeleUpn)!.Password!.ToString());
        Assert.DoesNotContain("N3w-Contained!Pass", server.Tenant.FindUser(Known.AdeleUpn)!.ToString());
    }

    [Fact]
    public async Task Request_log_is_bounded()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.RequestLogCapacity = 3);
        using var graph = GraphTestClient.AsAutomation(server);

        for (var i = 0; i < 5; i++)
            await graph.GetAsync($"organization?n={i}");

        Assert.Equal(["/organization?n=2", "/organization?n=3", "/organization?n=4"], server.Requests.Snapshot().Select(e => e.Path));
    }

    [Fact]
    public async Task Bad_scenario_fails_start_with_the_scenario_error()
    {
        var e = await Assert.ThrowsAsync<ScenarioLoadException>(() => TestSandbox.StartAsync("no-such-scenario"));

        Assert.StartsWith("no-such-scenario: ", e.Message);
    }
}
