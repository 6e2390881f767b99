using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class RevokeSignInSessionsTests
{
    [Fact]
    public async Task Revoke_returns_the_documented_body_and_moves_signInSessionsValidFromDateTime_to_now()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean","value":true}""", await response.Content.ReadAsStringAsync());
        var user = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}?$select=signInSessionsValidFromDateTime"));
        Assert.True(DateTimeOffset.Parse((string)user["signInSessionsValidFromDateTime"]!) >= start);
    }

    [Fact]
    public async Task Revoke_without_the_permission_is_403()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, Tokens.Reporter(server));

        var response = await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    [Fact]
    public async Task Revoke_of_unknown_user_is_404()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("users/ghost@contoso.com/revokeSignInSessions");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Fact]
    public async Task Revoke_works_for_a_global_administrator_with_an_app_only_token()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync($"users/{Known.GlobalAdminUpn}/revokeSignInSessions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
