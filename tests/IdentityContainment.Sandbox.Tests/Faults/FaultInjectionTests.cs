using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Injected_429_hits_the_next_matching_request_then_clears()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var rule = server.Faults.Add(FaultRule.TooManyRequests("/revokeSignInSessions$", TimeSpan.FromSeconds(2), times: 1, method: "POST"));

        var unrelated = await graph.GetAsync($"users/{Known.AdeleUpn}");
        var faulted = await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");
        var retried = await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");

        Assert.Equal(HttpStatusCode.OK, unrelated.StatusCode);
        await GraphAssert.ErrorAsync(faulted, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.Equal(TimeSpan.FromSeconds(2), faulted.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, rule.Hits);
        Assert.Equal(RequestOutcome.Faulted, server.Requests.Snapshot().Single(e => e.Status == 429).Outcome);
    }

    [Fact]
    public async Task A_query_pattern_hits_only_requests_whose_query_matches_such_as_later_pages()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var rule = server.Faults.Add(FaultRule.InternalServerError("^/users$", times: null, queryPattern: @"\$skiptoken="));

        var firstPage = await graph.GetAsync("users?$top=2");
        var nextLink = (string)(await GraphTestClient.JsonAsync(firstPage))["@odata.nextLink"]!;
        var laterPage = await graph.GetAsync(nextLink[(nextLink.IndexOf("/v1.0/", StringComparison.Ordinal) + "/v1.0/".Length)..]);

        Assert.Equal(HttpStatusCode.OK, firstPage.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, laterPage.StatusCode);
        Assert.Equal(1, rule.Hits);
    }

    [Fact]
    public async Task Injected_429_without_retry_after_has_no_header()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        server.Faults.Add(FaultRule.TooManyRequests("^/users"));

        var faulted = await graph.GetAsync($"users/{Known.AdeleUpn}");

        Assert.Equal(HttpStatusCode.TooManyRequests, faulted.StatusCode);
        Assert.Null(faulted.Headers.RetryAfter);
    }

    [Fact]
    public async Task Injected_503_carries_retry_after_and_always_rules_keep_firing_until_removed()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var rule = server.Faults.Add(FaultRule.ServiceUnavailable("^/organization", TimeSpan.FromSeconds(1), times: null));

        var first = await graph.GetAsync("organization");
        var second = await graph.GetAsync("organization");
        server.Faults.Remove(rule);
        var after = await graph.GetAsync("organization");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Injected_500_is_a_general_exception()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        server.Faults.Add(FaultRule.InternalServerError("^/users/"));

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.InternalServerError, "generalException");
    }

    [Fact]
    public async Task Injected_latency_delays_the_matching_request()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        server.Faults.Add(FaultRule.Latency("^/organization", TimeSpan.FromMilliseconds(300)));

        var watch = Stopwatch.StartNew();
        var response = await graph.GetAsync("organization");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Global_latency_is_added_to_every_request()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Latency = TimeSpan.FromMilliseconds(200));
        using var graph = GraphTestClient.AsAutomation(server);

        var watch = Stopwatch.StartNew();
        await graph.GetAsync("organization");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(190), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Faults_hit_batch_items_individually()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        server.Faults.Add(FaultRule.ServiceUnavailable($"^/users/{Known.AlexUpn}$", TimeSpan.FromSeconds(3)));
        var batch = new JsonObject
        {
            ["requests"] = new JsonArray(
                new JsonObject { ["id"] = "1", ["method"] = "GET", ["url"] = $"/users/{Known.AdeleUpn}" },
                new JsonObject { ["id"] = "2", ["method"] = "GET", ["url"] = $"/users/{Known.AlexUpn}" }),
        };

        var response = await graph.PostAsync("$batch", batch.ToJsonString());

        var items = (await GraphTestClient.JsonAsync(response))["responses"]!.AsArray().ToDictionary(r => (string)r!["id"]!);
        Assert.Equal(200, (int)items["1"]!["status"]!);
        Assert.Equal(503, (int)items["2"]!["status"]!);
        Assert.Equal("3", (string?)items["2"]!["headers"]!["Retry-After"]);
    }

    [Fact]
    public async Task Faults_can_hit_the_managed_identity_endpoint()
    {
        await using var server = await TestSandbox.StartAsync();
        server.Faults.Add(FaultRule.ServiceUnavailable("^/msi/token", TimeSpan.FromSeconds(1)));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{server.ManagedIdentityEndpoint}?api-version=2019-08-01&resource=https://graph.microsoft.com");
        request.Headers.Add("X-IDENTITY-HEADER", server.ManagedIdentityHeader);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
