using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class DirectoryAuditTests
{
    // The reports limit (5 requests per 10 s per app) would otherwise end a test that reads many pages.
    private static Task<SandboxServer> StartAsync(string scenario = "aitm-bec") =>
        TestSandbox.StartAsync(scenario, o => o.Throttling.Enabled = false);

    private static async Task<JsonObject[]> AuditsAsync(GraphTestClient graph, string filter)
    {
        var pages = await graph.PagesAsync($"auditLogs/directoryAudits?$filter={Uri.EscapeDataString(filter)}");
        return pages.SelectMany(p => p).ToArray();
    }

    [Fact]
    public async Task Audits_come_newest_first_in_the_documented_shape()
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync("auditLogs/directoryAudits"));

        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits", (string?)body["@odata.context"]);
        var audits = body["value"]!.AsArray().Select(a => a!.AsObject()).ToArray();
        Assert.Equal(server.Tenant.DirectoryAudits.Count, audits.Length);
        var times = audits.Select(a => DateTimeOffset.Parse((string)a["activityDateTime"]!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(times.OrderDescending(), times);
        var consent = audits.Single(a => (string?)a["activityDisplayName"] == "Consent to application");
        Assert.Equal(["id", "category", "correlationId", "result", "resultReason", "activityDisplayName", "activityDateTime", "loggedByService",
            "operationType", "initiatedBy", "targetResources", "additionalDetails"], consent.Select(p => p.Key));
        Assert.Equal(Known.AdeleUpn, (string?)consent["initiatedBy"]!["user"]!["userPrincipalName"]);
        Assert.Null(consent["initiatedBy"]!["app"]);
        var target = consent["targetResources"]![0]!;
        Assert.Equal("ServicePrincipal", (string?)target["type"]);
        Assert.Contains(target["modifiedProperties"]!.AsArray(),
            p => (string?)p!["displayName"] == "ConsentContext.IsAdminConsent" && (string?)p["newValue"] == "\"False\"");
    }

    [Fact]
    public async Task The_contracts_filters_find_the_consent_events()
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var since = GraphTime.Format(server.Tenant.Now().AddDays(-3));

        var consents = await AuditsAsync(graph, $"activityDisplayName eq 'Consent to application' and activityDateTime ge {since}");
        var grants = await AuditsAsync(graph, "startswith(activityDisplayName, 'Add delegated permission')");
        var onAttackerApp = await AuditsAsync(graph, $"targetResources/any(t: t/id eq '{Known.AttackerAppServicePrincipalId}')");
        var byAdele = await AuditsAsync(graph, $"initiatedBy/user/id eq '{Known.AdeleId}' and loggedByService eq 'Core Directory'");
        var byDisplayName = await AuditsAsync(graph, "targetResources/any(x:startswith(x/displayName, 'Office 365'))");

        Assert.Single(consents);
        Assert.Equal(2, grants.Length);
        Assert.Equal(["Add service principal", "Consent to application"], onAttackerApp.Select(a => (string)a["activityDisplayName"]!).Order());
        Assert.All(byAdele, a => Assert.Equal("Core Directory", (string?)a["loggedByService"]));
        Assert.Equal(5, byAdele.Length);
        Assert.Equal("Add delegated permission grant", (string?)byDisplayName.Single()["activityDisplayName"]);
    }

    [Fact]
    public async Task A_time_window_with_ge_and_le_keeps_only_what_falls_in_it()
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var now = server.Tenant.Now();

        var window = await AuditsAsync(graph, $"activityDateTime ge {GraphTime.Format(now.AddHours(-47))} and activityDateTime le {GraphTime.Format(now.AddHours(-46))}");

        Assert.Equal(["User registered security info"], window.Select(a => (string)a["activityDisplayName"]!).Distinct());
    }

    [Fact]
    public async Task Security_info_registrations_come_by_activity_and_time_with_the_user_as_first_target_and_the_method_in_the_result_reason()
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var since = GraphTime.Format(server.Tenant.Now().AddDays(-2));

        var registered = await AuditsAsync(graph, $"activityDisplayName eq 'User registered security info' and activityDateTime ge {since}");
        var byAdmin = await AuditsAsync(graph, $"activityDisplayName eq 'Admin registered security info' and activityDateTime ge {since}");
        var sinceMonth = await AuditsAsync(graph, $"activityDisplayName eq 'User registered security info' and activityDateTime ge {GraphTime.Format(server.Tenant.Now().AddDays(-29))}");

        Assert.Empty(byAdmin);
        Assert.Equal(["User registered Alternate Mobile Phone", "User registered Authenticator App with Notification and Code"], registered.Select(a => (string)a["resultReason"]!));
        Assert.All(registered, a =>
        {
            Assert.Equal(("UserManagement", "Authentication Methods", "success"), ((string?)a["category"], (string?)a["loggedByService"], (string?)a["result"]));
            Assert.StartsWith("Authentication Methods_", (string?)a["id"], StringComparison.Ordinal);
            Assert.Equal((Known.AdeleId, "User"), ((string?)a["targetResources"]![0]!["id"], (string?)a["targetResources"]![0]!["type"]));
        });
        Assert.Equal(3, sinceMonth.Length);
    }

    [Theory]
    [InlineData("resultReason eq 'User registered Mobile Phone SMS'")]
    [InlineData("category eq 'UserManagement' and loggedByService eq 'Authentication Methods'")]
    [InlineData("category eq 'ApplicationManagement'")]
    [InlineData("result eq 'success'")]
    [InlineData("activityDisplayName ne 'Consent to application'")]
    [InlineData("loggedByService in ('Core Directory')")]
    [InlineData("initiatedBy/user/id ge 'a'")]
    [InlineData("targetResources/any(t: t/type eq 'ServicePrincipal')")]
    public async Task Filters_outside_the_documented_list_are_refused(string filter)
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.GetAsync($"auditLogs/directoryAudits?$filter={Uri.EscapeDataString(filter)}"), HttpStatusCode.BadRequest, "Request_UnsupportedQuery");
    }

    [Theory]
    [InlineData("activityDateTime ge '2026-01-01T00:00:00Z'")]
    [InlineData("activityDisplayName eq Consent")]
    public async Task Malformed_filters_are_bad_requests(string filter)
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync($"auditLogs/directoryAudits?$filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Audits_page_with_top_up_to_1000()
    {
        await using var server = await StartAsync("illicit-consent");
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync("auditLogs/directoryAudits?$top=4");

        Assert.All(pages[..^1], p => Assert.Equal(4, p.Length));
        Assert.Equal(server.Tenant.DirectoryAudits.Select(a => a.Id).Order(), pages.SelectMany(p => p).Select(a => (string)a["id"]!).Order());
        Assert.Equal(server.Tenant.DirectoryAudits.Count, pages.SelectMany(p => p).Select(a => (string)a["id"]!).Distinct().Count());
        await GraphAssert.ErrorAsync(await graph.GetAsync("auditLogs/directoryAudits?$top=1001"), HttpStatusCode.BadRequest, "Request_BadRequest");
        await GraphAssert.ErrorAsync(await graph.GetAsync("auditLogs/directoryAudits?$select=id"), HttpStatusCode.BadRequest, "Request_UnsupportedQuery");
    }

    [Fact]
    public async Task Reading_audits_needs_audit_log_read()
    {
        await using var server = await StartAsync();
        using var reporter = new GraphTestClient(server, Tokens.Reporter(server));
        using var alex = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "AuditLog.Read.All"));

        await GraphAssert.ErrorAsync(await reporter.GetAsync("auditLogs/directoryAudits"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        // A delegated caller also needs a role that reads audit logs; Alex holds none.
        await GraphAssert.ErrorAsync(await alex.GetAsync("auditLogs/directoryAudits"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task Audits_count_against_the_reports_limit_not_the_directory_budget()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync("auditLogs/directoryAudits?$top=1")).StatusCode);
        var sixth = await graph.GetAsync("auditLogs/directoryAudits?$top=1");

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("Reports", GraphAssert.Header(sixth, "x-ms-throttle-scope"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync("oauth2PermissionGrants?$top=1")).StatusCode);
    }
}
