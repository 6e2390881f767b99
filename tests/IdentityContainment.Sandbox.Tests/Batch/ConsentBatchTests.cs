using System.Net;
using System.Text.Json.Nodes;
using static IdentityContainment.Sandbox.Tests.BatchItems;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>The consent routes inside $batch: what a client does to resolve apps twenty at a time and to remove consent.</summary>
public sealed class ConsentBatchTests
{
    private static async Task<Dictionary<string, JsonObject>> BatchAsync(GraphTestClient graph, params JsonObject[] items) =>
        await ItemsAsync(await graph.PostAsync("$batch", Batch(items)));

    [Fact]
    public async Task Every_consent_read_is_served_in_a_batch()
    {
        await using var server = await TestSandbox.StartAsync("illicit-consent", o => o.Throttling.Enabled = false);
        using var graph = GraphTestClient.AsAutomation(server);

        var items = await BatchAsync(graph,
            Item("sp", "GET", $"/servicePrincipals/{Known.PhishingAppServicePrincipalId}?$select=id,appId,displayName,verifiedPublisher,replyUrls"),
            Item("byAppId", "GET", "/servicePrincipals(appId='00000002-0000-0ff1-ce00-000000000000')?$select=id"),
            Item("grant", "GET", $"/oauth2PermissionGrants?$filter=clientId eq '{Known.PhishingAppServicePrincipalId}'"),
            Item("userGrants", "GET", $"/users/{Known.AdeleId}/oauth2PermissionGrants"),
            Item("userRoles", "GET", $"/users/{Known.AdeleId}/appRoleAssignments"),
            Item("assignedTo", "GET", $"/servicePrincipals/{Known.ExchangeServicePrincipalId}/appRoleAssignedTo"),
            Item("appRoles", "GET", $"/servicePrincipals/{Known.AdminConsentedAppServicePrincipalId}/appRoleAssignments"),
            Item("audits", "GET", "/auditLogs/directoryAudits?$filter=activityDisplayName eq 'Consent to application'"));

        Assert.All(items.Values, i => Assert.Equal(200, (int)i["status"]!));
        Assert.Equal("Micr\u043esoft Outlook Sync", (string?)items["sp"]["body"]!["displayName"]);
        Assert.Equal(Known.ExchangeServicePrincipalId, (string?)items["byAppId"]["body"]!["id"]);
        Assert.Equal(4, items["grant"]["body"]!["value"]!.AsArray().Count);
        Assert.Single(items["assignedTo"]["body"]!["value"]!.AsArray());
        Assert.Equal(2, items["appRoles"]["body"]!["value"]!.AsArray().Count);
        Assert.Equal(5, items["audits"]["body"]!["value"]!.AsArray().Count);
    }

    [Fact]
    public async Task Removal_in_a_batch_deletes_grants_disables_the_app_and_checks_each_items_permission()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var items = await BatchAsync(graph,
            Item("graph", "DELETE", $"/oauth2PermissionGrants/{Known.AttackerGraphGrantId}"),
            Item("exchange", "DELETE", $"/oauth2PermissionGrants/{Known.AttackerExchangeGrantId}"),
            Item("disable", "PATCH", $"/servicePrincipals/{Known.AttackerAppServicePrincipalId}", new JsonObject { ["accountEnabled"] = false }));

        Assert.All(items.Values, i => Assert.Equal(204, (int)i["status"]!));
        Assert.False(server.EvaluateFootholds().Single(f => f.Id == "aitm-oauth-app").IsOpen);
        Assert.False(server.Tenant.FindServicePrincipal(Known.AttackerAppServicePrincipalId)!.AccountEnabled);

        using var reader = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.ReporterAppId, Permissions = ["Directory.Read.All"] }));
        var denied = await BatchAsync(reader, Item("1", "DELETE", $"/oauth2PermissionGrants/{Known.AdobeGrantId}"));
        Assert.Equal(403, (int)denied["1"]["status"]!);
        Assert.NotNull(server.Tenant.FindPermissionGrant(Known.AdobeGrantId));
    }
}
