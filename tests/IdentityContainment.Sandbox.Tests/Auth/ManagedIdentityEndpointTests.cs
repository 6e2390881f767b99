using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class ManagedIdentityEndpointTests
{
    private static async Task<HttpResponseMessage> AskAsync(SandboxServer server, string query, string? header)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{server.ManagedIdentityEndpoint}?{query}");
        if (header is not null)
            request.Headers.Add("X-IDENTITY-HEADER", header);
        return await http.SendAsync(request);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com")]
    [InlineData("https://graph.microsoft.com/")]
    [InlineData("https://graph.microsoft.com/.default")]
    public async Task System_assigned_identity_gets_a_graph_token(string resource)
    {
        await using var server = await TestSandbox.StartAsync();

        var response = await AskAsync(server, $"api-version=2019-08-01&resource={Uri.EscapeDataString(resource)}", server.ManagedIdentityHeader);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await GraphTestClient.JsonAsync(response);
        Assert.Equal(Known.SystemManagedIdentityClientId, (string?)body["client_id"]);
        Assert.Equal("Bearer", (string?)body["token_type"]);
        Assert.Equal("https://graph.microsoft.com", (string?)body["resource"]);
        var expiresOn = long.Parse((string)body["expires_on"]!);
        Assert.InRange(expiresOn - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 3500, 3700);
        using var graph = new GraphTestClient(server, (string)body["access_token"]!);
        Assert.Equal(HttpStatusCode.OK, (await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions")).StatusCode);
    }

    [Fact]
    public async Task User_assigned_identity_is_chosen_by_client_id()
    {
        await using var server = await TestSandbox.StartAsync();

        var response = await AskAsync(server, $"api-version=2019-08-01&resource=https://graph.microsoft.com&client_id={Known.UserManagedIdentityClientId}", server.ManagedIdentityHeader);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Known.UserManagedIdentityClientId, (string?)(await GraphTestClient.JsonAsync(response))["client_id"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task Missing_or_wrong_identity_header_is_401(string? header)
    {
        await using var server = await TestSandbox.StartAsync();

        var response = await AskAsync(server, "api-version=2019-08-01&resource=https://graph.microsoft.com", header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull((string?)(await GraphTestClient.JsonAsync(response))["message"]);
    }

    [Fact]
    public async Task Unknown_user_assigned_identity_is_400()
    {
        await using var server = await TestSandbox.StartAsync();

        var response = await AskAsync(server, $"api-version=2019-08-01&resource=https://graph.microsoft.com&client_id={Guid.NewGuid()}", server.ManagedIdentityHeader);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (int)(await GraphTestClient.JsonAsync(response))["statusCode"]!);
    }

    [Fact]
    public async Task Each_server_has_its_own_identity_header()
    {
        await using var first = await TestSandbox.StartAsync();
        await using var second = await TestSandbox.StartAsync();

        Assert.NotEqual(first.ManagedIdentityHeader, second.ManagedIdentityHeader);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await AskAsync(first, "api-version=2019-08-01&resource=https://graph.microsoft.com", second.ManagedIdentityHeader)).StatusCode);
    }
}
