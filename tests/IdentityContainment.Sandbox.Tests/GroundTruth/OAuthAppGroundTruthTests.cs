using System.Net;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>An oauthApp foothold: open while the app is enabled and holds any grant or application permission.</summary>
public sealed class OAuthAppGroundTruthTests
{
    private static FootholdStatus Status(SandboxServer server, string id) => server.EvaluateFootholds().Single(f => f.Id == id);

    private static Task<HttpResponseMessage> DeleteAsync(GraphTestClient graph, string path) =>
        graph.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "v1.0/" + path));

    [Fact]
    public async Task Deleting_one_of_the_apps_grants_leaves_it_open_and_deleting_both_closes_it()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await DeleteAsync(graph, $"oauth2PermissionGrants/{Known.AttackerGraphGrantId}");

        Assert.False(Status(server, "aitm-oauth-grant").IsOpen);
        var app = Status(server, "aitm-oauth-app");
        Assert.True(app.IsOpen);
        Assert.Equal("'Mail Sync for Microsoft 365' is enabled and holds 1 delegated grant(s) and 0 application permission(s).", app.Reason);

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(graph, $"oauth2PermissionGrants/{Known.AttackerExchangeGrantId}")).StatusCode);

        app = Status(server, "aitm-oauth-app");
        Assert.False(app.IsOpen);
        Assert.Equal("'Mail Sync for Microsoft 365' holds no delegated grant and no application permission any more.", app.Reason);
    }

    [Fact]
    public async Task Disabling_the_service_principal_closes_the_app_and_enabling_it_again_reopens_it()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await graph.PatchAsync($"servicePrincipals/{Known.AttackerAppServicePrincipalId}", """{"accountEnabled":false}""");

        Assert.False(Status(server, "aitm-oauth-app").IsOpen);
        Assert.False(Status(server, "aitm-oauth-grant").IsOpen);

        await graph.PatchAsync($"servicePrincipals/{Known.AttackerAppServicePrincipalId}", """{"accountEnabled":true}""");

        Assert.True(Status(server, "aitm-oauth-app").IsOpen);
    }

    [Fact]
    public async Task An_app_with_application_permissions_stays_open_until_its_assignments_are_gone()
    {
        await using var server = await TestSandbox.StartAsync("illicit-consent");
        using var graph = GraphTestClient.AsAutomation(server);
        var admin = server.Tenant.PermissionGrants.Single(g => g.ClientId == Known.AdminConsentedAppServicePrincipalId);

        await DeleteAsync(graph, $"oauth2PermissionGrants/{admin.Id}");

        Assert.False(Status(server, "admin-consent-grant").IsOpen);
        Assert.True(Status(server, "admin-consent-app").IsOpen);

        foreach (var assignment in server.Tenant.AppRoleAssignments.Where(a => a.PrincipalId == Known.AdminConsentedAppServicePrincipalId).ToArray())
            Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(graph, $"servicePrincipals/{assignment.ResourceId}/appRoleAssignedTo/{assignment.Id}")).StatusCode);

        Assert.False(Status(server, "admin-consent-app").IsOpen);
    }

    [Fact]
    public async Task Restoring_a_grant_reopens_the_app()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var graphGrant = server.Tenant.FindPermissionGrant(Known.AttackerGraphGrantId)!;
        await DeleteAsync(graph, $"oauth2PermissionGrants/{Known.AttackerGraphGrantId}");
        await DeleteAsync(graph, $"oauth2PermissionGrants/{Known.AttackerExchangeGrantId}");
        Assert.False(Status(server, "aitm-oauth-app").IsOpen);

        await graph.PostAsync("oauth2PermissionGrants", $$"""
            {"clientId":"{{graphGrant.ClientId}}","consentType":"Principal","principalId":"{{graphGrant.PrincipalId}}","resourceId":"{{graphGrant.ResourceId}}","scope":"{{graphGrant.Scope}}"}
            """);

        Assert.True(Status(server, "aitm-oauth-app").IsOpen);
    }
}
