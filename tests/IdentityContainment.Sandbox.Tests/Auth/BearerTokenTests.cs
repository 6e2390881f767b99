using System.Net;
using System.Net.Http.Headers;

namespace IdentityContainment.Sandbox.Tests;

public sealed class BearerTokenTests
{
    [Fact]
    public async Task Missing_token_is_401_with_a_bearer_challenge()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server);

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken", "Access token is empty.");
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    public static TheoryData<string, Func<SandboxServer, string>, string> BadTokens => new()
    {
        { "garbled", _ => "not-a-jwt", "IDX14100" },
        {
            "expired",
            s => s.IssueAccessToken(new AccessTokenRequest { AppId = Known.AutomationAppId, Permissions = ["User.Read.All"], NotBefore = DateTimeOffset.UtcNow.AddHours(-3), Lifetime = TimeSpan.FromHours(1) }),
            "Lifetime validation failed, the token is expired."
        },
        {
            "wrong audience",
            s => s.IssueAccessToken(new AccessTokenRequest { AppId = Known.AutomationAppId, Permissions = ["User.Read.All"], Audience = "https://management.azure.com" }),
            "Access token validation failure. Invalid audience."
        },
        {
            "other tenant",
            s => s.IssueAccessToken(new AccessTokenRequest { AppId = Known.AutomationAppId, Permissions = ["User.Read.All"], TenantId = Guid.NewGuid().ToString() }),
            "Access token validation failure. Invalid issuer."
        },
        {
            "bad signature",
            s => Tamper(s.IssueAccessToken(new AccessTokenRequest { AppId = Known.AutomationAppId, Permissions = ["User.Read.All"] })),
            "Signing key is invalid."
        },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Invalid_token_is_401(string because, Func<SandboxServer, string> token, string message)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, token(server));

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}");

        var error = await GraphAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        Assert.True(((string)error["message"]!).StartsWith(message, StringComparison.Ordinal), because);
    }

    [Fact]
    public async Task Token_from_another_sandbox_is_refused()
    {
        await using var server = await TestSandbox.StartAsync();
        await using var other = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, Tokens.Automation(other));

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken", "Signing key is invalid.");
    }

    [Fact]
    public async Task Graph_app_id_is_an_accepted_audience()
    {
        await using var server = await TestSandbox.StartAsync();
        var token = server.IssueAccessToken(new AccessTokenRequest { AppId = Known.AutomationAppId, Permissions = ["User.Read.All"], Audience = "00000003-0000-0000-c000-000000000000" });
        using var graph = new GraphTestClient(server, token);

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task App_without_the_permission_is_403()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, Tokens.Reporter(server));

        var read = await graph.GetAsync($"users/{Known.AdeleUpn}");
        var write = await graph.PatchAsync($"users/{Known.AdeleUpn}", """{"accountEnabled":false}""");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await GraphAssert.ErrorAsync(write, HttpStatusCode.Forbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    [Fact]
    public async Task Token_claims_look_like_an_entra_v1_graph_token()
    {
        await using var server = await TestSandbox.StartAsync();

        var claims = JwtPayload(Tokens.Automation(server));
        var delegated = JwtPayload(Tokens.DelegatedAdmin(server));

        Assert.Equal("https://graph.microsoft.com", (string?)claims["aud"]);
        Assert.Equal($"https://sts.windows.net/{Known.TenantId}/", (string?)claims["iss"]);
        Assert.Equal("app", (string?)claims["idtyp"]);
        Assert.Equal("1.0", (string?)claims["ver"]);
        Assert.Contains("User.RevokeSessions.All", claims["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("user", (string?)delegated["idtyp"]);
        Assert.Equal(Known.DelegatedAdminUpn, (string?)delegated["upn"]);
        Assert.Contains("User.RevokeSessions.All", ((string)delegated["scp"]!).Split(' '));
        Assert.Contains("7be44c8a-adaf-4e2a-84d6-ab2649e08a13", delegated["wids"]!.AsArray().Select(w => (string)w!));
    }

    [Fact]
    public async Task A_guests_token_carries_no_upn_only_their_home_address_and_the_oid_of_this_tenant()
    {
        await using var server = await TestSandbox.StartAsync("guest-user");

        var guest = JwtPayload(Tokens.Delegated(server, Known.GuestUpn, "User.Read"));

        Assert.Null(guest["upn"]);
        Assert.Equal("jordan.miller@fabrikam.com", (string?)guest["unique_name"]);
        Assert.Equal("jordan.miller@fabrikam.com", (string?)guest["email"]);
        Assert.Equal(Known.GuestId, (string?)guest["oid"]);
        Assert.NotEqual($"https://sts.windows.net/{Known.TenantId}/", (string?)guest["idp"]);
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        return $"{parts[0]}.{parts[1]}.{new string(signature)}";
    }

    private static System.Text.Json.Nodes.JsonObject JwtPayload(string token) =>
        System.Text.Json.Nodes.JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();
}
