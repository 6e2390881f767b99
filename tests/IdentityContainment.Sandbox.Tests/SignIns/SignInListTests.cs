using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class SignInListTests
{
    private static DateTimeOffset Created(JsonObject signIn) =>
        DateTimeOffset.Parse((string)signIn["createdDateTime"]!, CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A sandbox whose reports limit is out of the way, for tests that read many pages.</summary>
    private static async Task<SandboxServer> StartUnthrottledAsync()
    {
        var server = await TestSandbox.StartAsync();
        server.Throttling.ReportsQuota = 100_000;
        return server;
    }

    [Fact]
    public async Task Sign_ins_come_newest_first_in_the_v1_shape()
    {
        await using var server = await StartUnthrottledAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync("auditLogs/signIns"));

        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns", (string?)body["@odata.context"]);
        var signIns = body["value"]!.AsArray().Select(s => s!.AsObject()).ToArray();
        Assert.Equal(server.Tenant.SignIns.Count, signIns.Length);
        Assert.Equal(signIns.Select(Created).OrderDescending(), signIns.Select(Created));
        var first = signIns[0];
        foreach (var name in new[] { "id", "userId", "userPrincipalName", "appDisplayName", "ipAddress", "clientAppUsed", "userAgent", "correlationId", "status", "deviceDetail", "location" })
            Assert.True(first.ContainsKey(name), name);
        Assert.False(first.ContainsKey("sessionId"));
        Assert.Equal(["altitude", "latitude", "longitude"], signIns.First(s => s["location"]!["geoCoordinates"] is not null)["location"]!["geoCoordinates"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Filter_by_user_id_and_time_window_returns_exactly_that_users_sign_ins_in_the_window()
    {
        await using var server = await StartUnthrottledAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var now = server.Tenant.Clock.GetUtcNow();
        var from = GraphTime.ToWholeSeconds(now.AddDays(-3));
        var until = GraphTime.ToWholeSeconds(now.AddDays(-1));

        var filter = $"userId eq '{Known.AdeleId}' and createdDateTime ge {Time(from)} and createdDateTime le {Time(until)}";
        var pages = await graph.PagesAsync($"auditLogs/signIns?$filter={Uri.EscapeDataString(filter)}");

        var expected = server.Tenant.SignIns
            .Where(s => s.UserId == Known.AdeleId && s.CreatedDateTime >= from && s.CreatedDateTime <= until)
            .Select(s => s.Id).ToArray();
        var served = pages.SelectMany(p => p).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, served.Select(s => (string)s["id"]!));
        Assert.All(served, s => Assert.Equal(Known.AdeleUpn, (string?)s["userPrincipalName"]));
    }

    [Fact]
    public async Task Filter_by_user_principal_name()
    {
        await using var server = await StartUnthrottledAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync($"auditLogs/signIns?$filter={Uri.EscapeDataString($"userPrincipalName eq '{Known.AlexUpn}'")}");

        var served = pages.SelectMany(p => p).ToArray();
        Assert.Equal(server.Tenant.SignIns.Count(s => s.UserId == Known.AlexId), served.Length);
        Assert.All(served, s => Assert.Equal(Known.AlexId, (string?)s["userId"]));
    }

    [Fact]
    public async Task Paging_with_top_serves_every_sign_in_once_in_order()
    {
        await using var server = await StartUnthrottledAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync("auditLogs/signIns?$top=7");

        Assert.True(pages.Count > 2);
        Assert.All(pages, p => Assert.InRange(p.Length, 1, 7));
        var served = pages.SelectMany(p => p).ToArray();
        Assert.Equal(server.Tenant.SignIns.Select(s => s.Id).Order(), served.Select(s => (string)s["id"]!).Order());
        Assert.Equal(served.Select(Created).OrderDescending(), served.Select(Created));
    }

    [Fact]
    public async Task Top_goes_up_to_1000()
    {
        await using var server = await StartUnthrottledAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync("auditLogs/signIns?$top=1000")).StatusCode);
        await GraphAssert.ErrorAsync(await graph.GetAsync("auditLogs/signIns?$top=1001"), HttpStatusCode.BadRequest, "Request_BadRequest");
    }

    [Theory]
    [InlineData("$select=id")]
    [InlineData("$orderby=createdDateTime")]
    [InlineData("$filter=userId ne 'x'")]
    [InlineData("$filter=status/errorCode eq 0")]
    [InlineData("$filter=startswith(userId, 'bc')")]
    [InlineData("$filter=isInteractive eq true")]
    public async Task Unsupported_query_options_and_filters_are_refused(string query)
    {
        await using var server = await StartUnthrottledAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync("auditLogs/signIns?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Or_is_refused_and_a_quoted_time_is_an_invalid_filter()
    {
        await using var server = await StartUnthrottledAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var or = $"userId eq '{Known.AdeleId}' or userId eq '{Known.AlexId}'";
        await GraphAssert.ErrorAsync(await graph.GetAsync($"auditLogs/signIns?$filter={Uri.EscapeDataString(or)}"), HttpStatusCode.BadRequest, "Request_UnsupportedQuery");
        var quoted = "createdDateTime ge '2026-11-01T00:00:00Z'";
        await GraphAssert.ErrorAsync(await graph.GetAsync($"auditLogs/signIns?$filter={Uri.EscapeDataString(quoted)}"), HttpStatusCode.BadRequest, "BadRequest");
        var gt = "createdDateTime gt 2026-11-01T00:00:00Z";
        Assert.Equal(HttpStatusCode.BadRequest, (await graph.GetAsync($"auditLogs/signIns?$filter={Uri.EscapeDataString(gt)}")).StatusCode);
    }

    [Fact]
    public async Task The_sixth_request_in_ten_seconds_gets_429_in_the_reports_scope()
    {
        await using var server = await TestSandbox.StartAsync();
        // A long window, so the count alone decides however slowly the machine answers.
        server.Throttling.ReportsWindow = TimeSpan.FromHours(1);
        using var graph = GraphTestClient.AsAutomation(server);

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync("auditLogs/signIns?$top=1")).StatusCode);
        var sixth = await graph.GetAsync("auditLogs/signIns?$top=1");

        await GraphAssert.ErrorAsync(sixth, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.NotNull(GraphAssert.Header(sixth, "Retry-After"));
        Assert.StartsWith("Tenant_Application/Reports/", GraphAssert.Header(sixth, "x-ms-throttle-scope"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_needs_AuditLog_Read_All()
    {
        await using var server = await StartUnthrottledAsync();
        using var app = new GraphTestClient(server, Tokens.AutomationWith(server, "User.Read.All"));
        using var alex = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "AuditLog.Read.All"));
        using var nestor = new GraphTestClient(server, Tokens.Delegated(server, Known.DelegatedAdminUpn, "AuditLog.Read.All"));

        await GraphAssert.ErrorAsync(await app.GetAsync("auditLogs/signIns"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        await GraphAssert.ErrorAsync(await alex.GetAsync("auditLogs/signIns"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.Equal(HttpStatusCode.OK, (await nestor.GetAsync("auditLogs/signIns?$top=1")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_without_Entra_ID_P1_is_refused_with_Graphs_licence_error()
    {
        var scenario = ScenarioLoader.Load("aitm-bec");
        await using var server = await TestSandbox.StartAsync(configure: o => o.ScenarioObject = scenario with { Tenant = scenario.Tenant with { HasEntraIdPremium = false } });
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.GetAsync("auditLogs/signIns"), HttpStatusCode.Forbidden,
            "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license");
    }
}
