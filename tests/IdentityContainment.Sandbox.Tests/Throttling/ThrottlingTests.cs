using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace IdentityContainment.Sandbox.Tests;

public sealed class ThrottlingTests
{
    [Fact]
    public async Task Write_over_the_quota_is_429_with_graphs_throttle_headers_and_body()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Throttling.WriteQuota = 3);
        using var graph = GraphTestClient.AsAutomation(server);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions")).StatusCode);
        var throttled = await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");

        var error = await GraphAssert.ErrorAsync(throttled, HttpStatusCode.TooManyRequests, "TooManyRequests", "Please retry again later.");
        Assert.Equal("429", (string?)error["innerError"]!["code"]);
        Assert.Equal("429", (string?)error["innerError"]!["status"]);
        Assert.Equal("Please retry after", (string?)error["innerError"]!["message"]);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        Assert.Equal($"Tenant_Application/ReadWrite/{Known.AutomationAppId}/{Known.TenantId}", GraphAssert.Header(throttled, "x-ms-throttle-scope"));
        Assert.Equal("WriteLimitExceeded", GraphAssert.Header(throttled, "x-ms-throttle-information"));
        Assert.Equal(RequestOutcome.Throttled, server.Requests.Snapshot().Last().Outcome);
    }

    [Fact]
    public async Task Reads_do_not_spend_the_write_quota()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Throttling.WriteQuota = 1);
        using var graph = GraphTestClient.AsAutomation(server);

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync($"users/{Known.AdeleUpn}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions")).StatusCode);
    }

    [Fact]
    public async Task Write_quota_recovers_after_its_window()
    {
        // The tenant's clock moves only when the test moves it: however slow the machine, the three writes fall in
        // one window and the next two in the following one.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestSandbox.StartAsync(configure: o =>
        {
            o.Clock = clock;
            o.Throttling.WriteQuota = 2;
            o.Throttling.WriteWindow = TimeSpan.FromMilliseconds(600);
        });
        using var graph = GraphTestClient.AsAutomation(server);

        await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");
        await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");
        var throttled = await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");
        clock.Advance(TimeSpan.FromMilliseconds(700));
        var first = await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");
        var second = await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Quotas_are_per_app()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Throttling.WriteQuota = 1);
        using var automation = GraphTestClient.AsAutomation(server);
        using var other = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Guid.NewGuid().ToString(), Permissions = ["User.RevokeSessions.All"] }));

        await automation.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await automation.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions")).StatusCode);
    }

    [Fact]
    public async Task Resource_units_are_reported_and_run_out_by_cost()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Throttling.ResourceUnitQuota = 4);
        using var graph = GraphTestClient.AsAutomation(server);

        var list = await graph.GetAsync("users");
        var listWithSelect = await graph.GetAsync("users?$select=id");
        var single = await graph.GetAsync($"users/{Known.AdeleUpn}");
        var busy = await graph.GetAsync("users");

        Assert.Equal("2", GraphAssert.Header(list, "x-ms-resource-unit"));
        Assert.Equal("1", GraphAssert.Header(listWithSelect, "x-ms-resource-unit"));
        Assert.Equal("1", GraphAssert.Header(single, "x-ms-resource-unit"));
        Assert.NotNull(GraphAssert.Header(single, "x-ms-throttle-limit-percentage"));
        Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        Assert.Equal("ResourceUnitLimitExceeded", GraphAssert.Header(busy, "x-ms-throttle-information"));
    }

    [Fact]
    public async Task Concurrent_writes_never_overspend_the_quota()
    {
        // The tenant's clock stands still, so no quota refills while the 60 race, however long they take.
        await using var server = await TestSandbox.StartAsync(configure: o =>
        {
            o.Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            o.Throttling.WriteQuota = 25;
        });
        using var graph = GraphTestClient.AsAutomation(server);

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions")));

        Assert.Equal(25, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Throttling_can_be_switched_off_live()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Throttling.WriteQuota = 1);
        using var graph = GraphTestClient.AsAutomation(server);
        await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");

        server.Throttling.Enabled = false;

        Assert.Equal(HttpStatusCode.OK, (await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions")).StatusCode);
    }
}
