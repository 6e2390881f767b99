using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class ServicePrincipalTests
{
    [Fact]
    public async Task A_service_principal_has_the_v1_properties_and_no_publisher_name()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var sp = await GraphTestClient.JsonAsync(await graph.GetAsync($"servicePrincipals/{Known.AttackerAppServicePrincipalId}"));

        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity", (string?)sp["@odata.context"]);
        Assert.Equal(Known.AttackerAppId, (string?)sp["appId"]);
        Assert.Equal("Mail Sync for Microsoft 365", (string?)sp["displayName"]);
        Assert.True((bool)sp["accountEnabled"]!);
        Assert.Equal("e5a9f6b1-a297-49bf-adf4-38f7b27c1c74", (string?)sp["appOwnerOrganizationId"]);
        Assert.Equal("Application", (string?)sp["servicePrincipalType"]);
        Assert.Equal(["https://mailsync-portal.example/auth/callback"], sp["replyUrls"]!.AsArray().Select(u => (string)u!));
        Assert.Null((string?)sp["verifiedPublisher"]!["verifiedPublisherId"]);
        // publisherName is not a v1.0 servicePrincipal property (CONTRACT §5).
        Assert.False(sp.ContainsKey("publisherName"));
    }

    [Fact]
    public async Task Select_returns_the_asked_properties_and_an_unknown_one_is_a_bad_request()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var sp = await GraphTestClient.JsonAsync(await graph.GetAsync("servicePrincipals/a398d022-d435-4df4-8322-905089933837?$select=id,displayName,verifiedPublisher"));

        Assert.Equal(["@odata.context", "id", "displayName", "verifiedPublisher"], sp.Select(p => p.Key));
        Assert.Equal("3815724", (string?)sp["verifiedPublisher"]!["verifiedPublisherId"]);
        await GraphAssert.ErrorAsync(await graph.GetAsync($"servicePrincipals/{Known.AttackerAppServicePrincipalId}?$select=publisherName"), HttpStatusCode.BadRequest, "Request_BadRequest");
    }

    [Fact]
    public async Task A_service_principal_is_found_by_app_id()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var sp = await GraphTestClient.JsonAsync(await graph.GetAsync($"servicePrincipals(appId='{Known.AttackerAppId}')?$select=id"));

        Assert.Equal(Known.AttackerAppServicePrincipalId, (string?)sp["id"]);
        await GraphAssert.ErrorAsync(await graph.GetAsync("servicePrincipals(appId='11111111-2222-4333-8444-555555555555')"), HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Fact]
    public async Task The_list_pages_and_filters()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync("servicePrincipals?$top=4&$select=id");
        var filtered = await graph.PagesAsync($"servicePrincipals?$filter={Uri.EscapeDataString($"appOwnerOrganizationId eq {Known.MicrosoftTenantId}")}");
        var byAppId = await graph.PagesAsync($"servicePrincipals?$filter={Uri.EscapeDataString($"appId eq '{Known.AttackerAppId}'")}");

        Assert.Equal(server.Tenant.ServicePrincipals.Count, pages.Sum(p => p.Length));
        Assert.All(pages[..^1], p => Assert.Equal(4, p.Length));
        Assert.Equal(["Microsoft Graph", "Microsoft Graph Command Line Tools", "Office 365 Exchange Online"],
            filtered.SelectMany(p => p).Select(sp => (string)sp["displayName"]!).Order());
        Assert.Equal(Known.AttackerAppServicePrincipalId, (string?)byAppId.Single().Single()["id"]);
    }

    [Theory]
    [InlineData("publisherName eq 'Microsoft 365 Mail Services'")]
    [InlineData("appOwnerOrganizationId eq 'f8cdef31-a31e-4b4a-93e4-5f571e91255a'")]
    [InlineData("startswith(appId, '8f39')")]
    public async Task Filters_graph_refuses_are_refused(string filter)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync($"servicePrincipals?$filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Patch_disables_the_app_and_needs_application_write()
    {
        await using var server = await TestSandbox.StartAsync();
        using var reader = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.ReporterAppId, Permissions = ["Application.Read.All"] }));
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await reader.PatchAsync($"servicePrincipals/{Known.AttackerAppServicePrincipalId}", """{"accountEnabled":false}"""),
            HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.True(server.Tenant.FindServicePrincipal(Known.AttackerAppServicePrincipalId)!.AccountEnabled);

        var response = await graph.PatchAsync($"servicePrincipals(appId='{Known.AttackerAppId}')", """{"accountEnabled":false}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(server.Tenant.FindServicePrincipal(Known.AttackerAppServicePrincipalId)!.AccountEnabled);
        var read = await GraphTestClient.JsonAsync(await graph.GetAsync($"servicePrincipals/{Known.AttackerAppServicePrincipalId}?$select=accountEnabled"));
        Assert.False((bool)read["accountEnabled"]!);
    }

    [Theory]
    [InlineData("""{"accountEnabled":"no"}""", "BadRequest")]
    [InlineData("""{"displayName":"Renamed"}""", "Request_BadRequest")]
    [InlineData("""{"publisherName":"x"}""", "Request_BadRequest")]
    public async Task Patch_refuses_what_it_cannot_apply(string body, string code)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.PatchAsync($"servicePrincipals/{Known.AttackerAppServicePrincipalId}", body), HttpStatusCode.BadRequest, code);
        Assert.True(server.Tenant.FindServicePrincipal(Known.AttackerAppServicePrincipalId)!.AccountEnabled);
    }

    [Fact]
    public async Task A_managed_identity_cannot_be_disabled_here()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.PatchAsync("servicePrincipals/e179f773-a6e0-43c0-9514-b7dde2ad0478", """{"accountEnabled":false}"""),
            HttpStatusCode.BadRequest, "Request_BadRequest");
    }

    [Fact]
    public async Task Reading_service_principals_needs_application_read()
    {
        await using var server = await TestSandbox.StartAsync();
        using var reporter = new GraphTestClient(server, Tokens.Reporter(server));

        await GraphAssert.ErrorAsync(await reporter.GetAsync("servicePrincipals"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        await GraphAssert.ErrorAsync(await reporter.GetAsync($"servicePrincipals(appId='{Known.AttackerAppId}')"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }
}
