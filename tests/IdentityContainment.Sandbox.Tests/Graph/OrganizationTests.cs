using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class OrganizationTests
{
    [Fact]
    public async Task Organization_lists_the_tenant_with_its_verified_domains()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync("organization"));

        var organization = body["value"]!.AsArray().Single()!;
        Assert.Equal(Known.TenantId, (string?)organization["id"]);
        Assert.Equal("Contoso Sandbox", (string?)organization["displayName"]);
        var initial = organization["verifiedDomains"]!.AsArray().Single(d => (bool)d!["isInitial"]!)!;
        Assert.Equal("contosodemo.onmicrosoft.com", (string?)initial["name"]);
    }

    [Fact]
    public async Task Organization_select_returns_only_the_asked_properties()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync("organization?$select=id,displayName"));

        Assert.Equal(["id", "displayName"], body["value"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#organization(id,displayName)", (string?)body["@odata.context"]);
    }

    [Fact]
    public async Task Organization_is_a_collection_paged_like_the_others()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Paging.MaxPageSize = 1);
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync("organization?$select=displayName");
        var tooMany = await graph.GetAsync("organization?$top=1000");

        Assert.Equal("Contoso Sandbox", (string?)Assert.Single(Assert.Single(pages))["displayName"]);
        await GraphAssert.ErrorAsync(tooMany, HttpStatusCode.BadRequest, "Request_BadRequest");
    }

    [Fact]
    public async Task Organization_is_refused_without_a_fitting_permission()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.ReporterAppId, Permissions = ["Mail.Read"] }));

        var response = await graph.GetAsync("organization");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }
}
