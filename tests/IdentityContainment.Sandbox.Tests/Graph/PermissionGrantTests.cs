using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class PermissionGrantTests
{
    private static string[] Ids(IEnumerable<JsonObject[]> pages) => pages.SelectMany(p => p).Select(g => (string)g["id"]!).ToArray();

    [Fact]
    public async Task A_grant_has_the_documented_shape()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var grant = await GraphTestClient.JsonAsync(await graph.GetAsync($"oauth2PermissionGrants/{Known.AttackerGraphGrantId}"));

        Assert.Equal(["@odata.context", "id", "clientId", "consentType", "principalId", "resourceId", "scope"], grant.Select(p => p.Key));
        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#oauth2PermissionGrants/$entity", (string?)grant["@odata.context"]);
        Assert.Equal(Known.AttackerAppServicePrincipalId, (string?)grant["clientId"]);
        Assert.Equal("Principal", (string?)grant["consentType"]);
        Assert.Equal(Known.AdeleId, (string?)grant["principalId"]);
        Assert.Equal(Known.GraphServicePrincipalId, (string?)grant["resourceId"]);
        Assert.Equal(" Mail.ReadWrite offline_access User.Read", (string?)grant["scope"]);
    }

    [Fact]
    public async Task The_list_pages_every_grant_once_with_top()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync("oauth2PermissionGrants?$top=2");

        Assert.Equal([2, 2, 1], pages.Select(p => p.Length));
        Assert.Equal(server.Tenant.PermissionGrants.Select(g => g.Id).Order(StringComparer.Ordinal), Ids(pages));
    }

    [Fact]
    public async Task Top_above_999_is_refused()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.GetAsync("oauth2PermissionGrants?$top=1000"), HttpStatusCode.BadRequest, "Request_BadRequest");
    }

    [Theory]
    [InlineData("clientId eq 'ac9130f4-547c-47d3-8e3a-655f20731ab2'", 2)]
    [InlineData("consentType eq 'AllPrincipals'", 1)]
    [InlineData("principalId eq 'bc67ba94-637d-4efa-a09e-467ada679f81'", 3)]
    [InlineData("resourceId eq 'f2a3c4d5-6e7f-4a8b-9c0d-1e2f3a4b5c6d'", 1)]
    [InlineData("clientId eq 'ac9130f4-547c-47d3-8e3a-655f20731ab2' and resourceId eq 'b9c8b9ff-e46e-4627-9419-c7723226db94'", 1)]
    public async Task Filters_the_contract_allows_select_the_matching_grants(string filter, int expected)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync($"oauth2PermissionGrants?$filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(expected, pages.Sum(p => p.Length));
    }

    [Theory]
    [InlineData("scope eq ' Mail.ReadWrite offline_access User.Read'")]
    [InlineData("startswith(clientId, 'ac91')")]
    [InlineData("clientId in ('ac9130f4-547c-47d3-8e3a-655f20731ab2')")]
    [InlineData("clientId ne 'ac9130f4-547c-47d3-8e3a-655f20731ab2'")]
    public async Task Filters_graph_does_not_support_are_refused(string filter)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.GetAsync($"oauth2PermissionGrants?$filter={Uri.EscapeDataString(filter)}"), HttpStatusCode.BadRequest, "Request_UnsupportedQuery");
    }

    [Fact]
    public async Task Advanced_query_options_are_refused_not_ignored()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.GetAsync("oauth2PermissionGrants?$orderby=clientId"), HttpStatusCode.BadRequest, "Request_UnsupportedQuery");
    }

    [Fact]
    public async Task A_users_grants_are_only_their_own_principal_grants()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync($"users/{Known.AdeleUpn}/oauth2PermissionGrants");

        // Adele's Adobe grant and the attacker's two; the tenant-wide Zoom grant (AllPrincipals) is not "specifically for" her.
        Assert.Equal(new[] { Known.AdobeGrantId, Known.AttackerGraphGrantId, Known.AttackerExchangeGrantId }.Order(StringComparer.Ordinal), Ids(pages));
    }

    [Fact]
    public async Task A_users_grants_of_an_unknown_user_is_not_found()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.GetAsync("users/nobody@contoso.com/oauth2PermissionGrants"), HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Fact]
    public async Task Reading_grants_needs_directory_read()
    {
        await using var server = await TestSandbox.StartAsync();
        using var reporter = new GraphTestClient(server, Tokens.Reporter(server));
        using var reader = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.ReporterAppId, Permissions = ["Directory.Read.All"] }));

        await GraphAssert.ErrorAsync(await reporter.GetAsync("oauth2PermissionGrants"), HttpStatusCode.Forbidden, "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation.");
        await GraphAssert.ErrorAsync(await reporter.GetAsync($"users/{Known.AdeleId}/oauth2PermissionGrants"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("oauth2PermissionGrants")).StatusCode);
    }

    [Fact]
    public async Task Delete_removes_the_grant_and_a_second_delete_is_not_found()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var deleted = await graph.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/oauth2PermissionGrants/{Known.AttackerGraphGrantId}"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(server.Tenant.FindPermissionGrant(Known.AttackerGraphGrantId));
        Assert.NotNull(server.Tenant.FindPermissionGrant(Known.AdobeGrantId));
        await GraphAssert.ErrorAsync(await graph.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/oauth2PermissionGrants/{Known.AttackerGraphGrantId}")),
            HttpStatusCode.NotFound, "Request_ResourceNotFound");
        await GraphAssert.ErrorAsync(await graph.GetAsync($"oauth2PermissionGrants/{Known.AttackerGraphGrantId}"), HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Fact]
    public async Task Deleting_a_grant_needs_a_write_permission()
    {
        await using var server = await TestSandbox.StartAsync();
        using var reader = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.ReporterAppId, Permissions = ["Directory.Read.All"] }));

        await GraphAssert.ErrorAsync(await reader.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/oauth2PermissionGrants/{Known.AttackerGraphGrantId}")),
            HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.NotNull(server.Tenant.FindPermissionGrant(Known.AttackerGraphGrantId));
    }

    [Fact]
    public async Task A_delegated_admin_deletes_only_with_an_application_admin_role()
    {
        await using var server = await TestSandbox.StartAsync();
        using var withoutRole = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "DelegatedPermissionGrant.ReadWrite.All"));
        using var nestor = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        await GraphAssert.ErrorAsync(await withoutRole.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/oauth2PermissionGrants/{Known.AttackerGraphGrantId}")),
            HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        // Nestor holds Cloud Application Administrator in the bundled scenarios.
        Assert.Equal(HttpStatusCode.NoContent, (await nestor.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/oauth2PermissionGrants/{Known.AttackerGraphGrantId}"))).StatusCode);
    }

    [Fact]
    public async Task A_deleted_grant_is_restored_from_its_before_image()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var beforeImage = await GraphTestClient.JsonAsync(await graph.GetAsync($"oauth2PermissionGrants/{Known.AttackerGraphGrantId}"));
        await graph.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/oauth2PermissionGrants/{Known.AttackerGraphGrantId}"));
        beforeImage.Remove("@odata.context");

        var created = await graph.PostAsync("oauth2PermissionGrants", beforeImage.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await GraphTestClient.JsonAsync(created);
        // Graph makes the id (client and resource ids, then the user's): the before-image's id is not reused.
        var restored = server.Tenant.FindPermissionGrant((string)body["id"]!)!;
        Assert.Equal((Known.AttackerAppServicePrincipalId, Known.AdeleId, Known.GraphServicePrincipalId, " Mail.ReadWrite offline_access User.Read"),
            (restored.ClientId, restored.PrincipalId, restored.ResourceId, restored.Scope));
        Assert.Equal(" Mail.ReadWrite offline_access User.Read", (string?)body["scope"]);
        Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync($"oauth2PermissionGrants/{restored.Id}")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_grant_that_exists_is_a_conflict()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("oauth2PermissionGrants", $$"""
            {"clientId":"{{Known.AttackerAppServicePrincipalId}}","consentType":"Principal","principalId":"{{Known.AdeleId}}","resourceId":"{{Known.GraphServicePrincipalId}}","scope":"User.Read"}
            """);

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Conflict, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.");
    }

    [Theory]
    [InlineData("""{"consentType":"Principal","principalId":"bc67ba94-637d-4efa-a09e-467ada679f81","resourceId":"b9c8b9ff-e46e-4627-9419-c7723226db94","scope":"User.Read"}""", "clientId")]
    [InlineData("""{"clientId":"a398d022-d435-4df4-8322-905089933837","consentType":"Principal","resourceId":"b9c8b9ff-e46e-4627-9419-c7723226db94","scope":"User.Read"}""", "principalId")]
    [InlineData("""{"clientId":"a398d022-d435-4df4-8322-905089933837","consentType":"Principal","principalId":"adelev@contoso.com","resourceId":"b9c8b9ff-e46e-4627-9419-c7723226db94","scope":"User.Read"}""", "principalId")]
    [InlineData("""{"clientId":"a398d022-d435-4df4-8322-905089933837","consentType":"AllPrincipals","principalId":"bc67ba94-637d-4efa-a09e-467ada679f81","resourceId":"b9c8b9ff-e46e-4627-9419-c7723226db94","scope":"User.Read"}""", "principalId")]
    [InlineData("""{"clientId":"a398d022-d435-4df4-8322-905089933837","consentType":"Everyone","resourceId":"b9c8b9ff-e46e-4627-9419-c7723226db94","scope":"User.Read"}""", "consentType")]
    [InlineData("""{"clientId":"a398d022-d435-4df4-8322-905089933837","consentType":"Principal","principalId":"bc67ba94-637d-4efa-a09e-467ada679f81","resourceId":"00000000-1111-4222-8333-444444444444","scope":"User.Read"}""", "resourceId")]
    [InlineData("""{"clientId":"a398d022-d435-4df4-8322-905089933837","consentType":"Principal","principalId":"bc67ba94-637d-4efa-a09e-467ada679f81","resourceId":"b9c8b9ff-e46e-4627-9419-c7723226db94","scope":42}""", "scope")]
    public async Task A_create_body_graph_would_refuse_is_a_bad_request(string body, string property)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var before = server.Tenant.PermissionGrants.Count;

        var response = await graph.PostAsync("oauth2PermissionGrants", body);

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Request_BadRequest",
            $"Invalid value specified for property '{property}' of resource 'OAuth2PermissionGrant'.");
        Assert.Equal(before, server.Tenant.PermissionGrants.Count);
    }

    [Fact]
    public async Task An_admin_consent_grants_id_begins_every_principal_grant_id_of_the_same_app()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var admin = await graph.PostAsync("oauth2PermissionGrants", $$"""
            {"clientId":"{{Known.AttackerAppServicePrincipalId}}","consentType":"AllPrincipals","resourceId":"{{Known.GraphServicePrincipalId}}","scope":"User.Read"}
            """);
        var user = await graph.PostAsync("oauth2PermissionGrants", $$"""
            {"clientId":"{{Known.AttackerAppServicePrincipalId}}","consentType":"Principal","principalId":"{{Known.AlexId}}","resourceId":"{{Known.GraphServicePrincipalId}}","scope":"User.Read"}
            """);

        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        var adminId = (string)(await GraphTestClient.JsonAsync(admin))["id"]!;
        var userId = (string)(await GraphTestClient.JsonAsync(user))["id"]!;
        Assert.StartsWith(adminId, userId, StringComparison.Ordinal);
        Assert.Equal(adminId.Length + 22, userId.Length);
        Assert.Null(server.Tenant.FindPermissionGrant(adminId)!.PrincipalId);
    }
}
