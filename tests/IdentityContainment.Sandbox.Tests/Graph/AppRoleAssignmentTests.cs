using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class AppRoleAssignmentTests
{
    private const string MailReadRole = "810c84a8-4a9e-49e6-bf7d-12d183f40d01";
    private const string FullAccessAsAppRole = "dc890d15-9560-4a4c-9b7f-a736ec74ec40";

    private static Task<SandboxServer> IllicitConsentAsync() => TestSandbox.StartAsync("illicit-consent");

    private static string AssignmentBody(string principalId, string resourceId, string appRoleId) =>
        new JsonObject { ["principalId"] = principalId, ["resourceId"] = resourceId, ["appRoleId"] = appRoleId }.ToJsonString();

    [Fact]
    public async Task A_users_assignments_have_the_documented_shape()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/appRoleAssignments"));

        var assignment = body["value"]!.AsArray().Single()!.AsObject();
        Assert.Equal(["id", "deletedDateTime", "appRoleId", "createdDateTime", "principalDisplayName", "principalId", "principalType", "resourceDisplayName", "resourceId"],
            assignment.Select(p => p.Key));
        Assert.Equal("00000000-0000-0000-0000-000000000000", (string?)assignment["appRoleId"]);
        Assert.Equal("Adele Vance", (string?)assignment["principalDisplayName"]);
        Assert.Equal("User", (string?)assignment["principalType"]);
        Assert.Equal("Zoom", (string?)assignment["resourceDisplayName"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)assignment["createdDateTime"]);
    }

    [Fact]
    public async Task Resource_id_is_filtered_as_an_unquoted_guid_only()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var zoom = await graph.PagesAsync($"users/{Known.AdeleUpn}/appRoleAssignments?$filter=resourceId eq {Known.ZoomServicePrincipalId}");
        var graphApi = await graph.PagesAsync($"users/{Known.AdeleUpn}/appRoleAssignments?$filter=resourceId eq {Known.GraphServicePrincipalId}");
        var quoted = await graph.GetAsync($"users/{Known.AdeleUpn}/appRoleAssignments?$filter=resourceId eq '{Known.ZoomServicePrincipalId}'");

        Assert.Single(zoom.Single());
        Assert.Empty(graphApi.Single());
        await GraphAssert.ErrorAsync(quoted, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task App_role_assigned_to_lists_the_assignments_on_a_resource()
    {
        await using var server = await IllicitConsentAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync($"servicePrincipals/{Known.ExchangeServicePrincipalId}/appRoleAssignedTo"));

        Assert.Equal($"https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('{Known.ExchangeServicePrincipalId}')/appRoleAssignedTo", (string?)body["@odata.context"]);
        var assignment = body["value"]!.AsArray().Single()!;
        Assert.Equal(FullAccessAsAppRole, (string?)assignment["appRoleId"]);
        Assert.Equal("ServicePrincipal", (string?)assignment["principalType"]);
        Assert.Equal(Known.AdminConsentedAppServicePrincipalId, (string?)assignment["principalId"]);
        Assert.Equal("Mailbox Archive Service", (string?)assignment["principalDisplayName"]);
    }

    [Fact]
    public async Task A_client_service_principals_app_role_assignments_are_its_application_permissions()
    {
        await using var server = await IllicitConsentAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync($"servicePrincipals/{Known.AdminConsentedAppServicePrincipalId}/appRoleAssignments?$top=1");

        Assert.Equal([1, 1], pages.Select(p => p.Length));
        Assert.Equal(new[] { FullAccessAsAppRole, MailReadRole }.Order(), pages.SelectMany(p => p).Select(a => (string)a["appRoleId"]!).Order());
    }

    [Fact]
    public async Task Reading_assignments_needs_the_documented_permissions()
    {
        await using var server = await IllicitConsentAsync();
        using var reporter = new GraphTestClient(server, Tokens.Reporter(server));

        await GraphAssert.ErrorAsync(await reporter.GetAsync($"servicePrincipals/{Known.ExchangeServicePrincipalId}/appRoleAssignedTo"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        await GraphAssert.ErrorAsync(await reporter.GetAsync($"users/{Known.AdeleId}/appRoleAssignments"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task Delete_removes_the_application_permission_and_restore_recreates_it()
    {
        await using var server = await IllicitConsentAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var assignment = server.Tenant.AppRoleAssignments.Single(a => a.AppRoleId == FullAccessAsAppRole);

        var deleted = await graph.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/servicePrincipals/{Known.ExchangeServicePrincipalId}/appRoleAssignedTo/{assignment.Id}"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(server.Tenant.FindAppRoleAssignment(assignment.Id));

        var created = await graph.PostAsync($"servicePrincipals/{Known.ExchangeServicePrincipalId}/appRoleAssignedTo",
            AssignmentBody(Known.AdminConsentedAppServicePrincipalId, Known.ExchangeServicePrincipalId, FullAccessAsAppRole));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await GraphTestClient.JsonAsync(created);
        Assert.Equal("ServicePrincipal", (string?)body["principalType"]);
        Assert.Equal("Office 365 Exchange Online", (string?)body["resourceDisplayName"]);
        Assert.NotNull(server.Tenant.FindAppRoleAssignment((string)body["id"]!));
        Assert.StartsWith("M4wQ_", (string)body["id"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assignment_is_deleted_only_through_its_own_resource()
    {
        await using var server = await IllicitConsentAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var assignment = server.Tenant.AppRoleAssignments.Single(a => a.AppRoleId == FullAccessAsAppRole);

        var response = await graph.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/servicePrincipals/{Known.GraphServicePrincipalId}/appRoleAssignedTo/{assignment.Id}"));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.NotFound, "Request_ResourceNotFound");
        Assert.NotNull(server.Tenant.FindAppRoleAssignment(assignment.Id));
    }

    [Fact]
    public async Task Create_refuses_a_duplicate_and_a_role_the_resource_does_not_define()
    {
        await using var server = await IllicitConsentAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var url = $"servicePrincipals/{Known.ExchangeServicePrincipalId}/appRoleAssignedTo";

        await GraphAssert.ErrorAsync(await graph.PostAsync(url, AssignmentBody(Known.AdminConsentedAppServicePrincipalId, Known.ExchangeServicePrincipalId, FullAccessAsAppRole)),
            HttpStatusCode.BadRequest, "Request_BadRequest", "Permission being assigned already exists on the object.");
        await GraphAssert.ErrorAsync(await graph.PostAsync(url, AssignmentBody(Known.AdminConsentedAppServicePrincipalId, Known.ExchangeServicePrincipalId, MailReadRole)),
            HttpStatusCode.BadRequest, "Request_BadRequest", "Permission being assigned was not found on application.");
        // An application role is not for users.
        await GraphAssert.ErrorAsync(await graph.PostAsync(url, AssignmentBody(Known.AdeleId, Known.ExchangeServicePrincipalId, FullAccessAsAppRole)),
            HttpStatusCode.BadRequest, "Request_BadRequest", "Permission being assigned was not found on application.");
        await GraphAssert.ErrorAsync(await graph.PostAsync(url, AssignmentBody(Known.AdminConsentedAppServicePrincipalId, Known.GraphServicePrincipalId, FullAccessAsAppRole)),
            HttpStatusCode.BadRequest, "Request_BadRequest", "One or more properties are invalid.");
    }

    [Fact]
    public async Task Create_needs_application_read_besides_app_role_assignment_write()
    {
        await using var server = await IllicitConsentAsync();
        var assignment = server.Tenant.AppRoleAssignments.Single(a => a.AppRoleId == FullAccessAsAppRole);
        server.Tenant.RemoveAppRoleAssignment(assignment.Id);
        using var writeOnly = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.ReporterAppId, Permissions = ["AppRoleAssignment.ReadWrite.All"] }));
        using var both = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.ReporterAppId, Permissions = ["AppRoleAssignment.ReadWrite.All", "Application.Read.All"] }));
        var url = $"servicePrincipals/{Known.ExchangeServicePrincipalId}/appRoleAssignedTo";
        var body = AssignmentBody(Known.AdminConsentedAppServicePrincipalId, Known.ExchangeServicePrincipalId, FullAccessAsAppRole);

        await GraphAssert.ErrorAsync(await writeOnly.PostAsync(url, body), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.Equal(HttpStatusCode.Created, (await both.PostAsync(url, body)).StatusCode);
    }

    [Fact]
    public async Task A_users_assignment_is_deleted_through_the_user_and_only_their_own()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var adeles = server.Tenant.AppRoleAssignments.Single(a => a.PrincipalId == Known.AdeleId);

        var throughAlex = await graph.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/users/{Known.AlexUpn}/appRoleAssignments/{adeles.Id}"));
        var throughAdele = await graph.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/users/{Known.AdeleUpn}/appRoleAssignments/{adeles.Id}"));

        await GraphAssert.ErrorAsync(throughAlex, HttpStatusCode.NotFound, "Request_ResourceNotFound");
        Assert.Equal(HttpStatusCode.NoContent, throughAdele.StatusCode);
        Assert.Null(server.Tenant.FindAppRoleAssignment(adeles.Id));
        Assert.Single(server.Tenant.AppRoleAssignments, a => a.PrincipalId == Known.AlexId);
    }
}
