using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class TokenEndpointTests
{
    private static FormUrlEncodedContent ClientCredentials(string clientId, params (string Name, string Value)[] credential) =>
        new([
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("scope", "https://graph.microsoft.com/.default"),
            .. credential.Select(c => new KeyValuePair<string, string>(c.Name, c.Value)),
        ]);

    [Fact]
    public async Task Client_secret_buys_a_token_that_graph_accepts()
    {
        var (server, https) = await TestSandbox.StartWithHttpsAsync();
        await using var _ = server;
        using var __ = https;

        var response = await https.PostAsync($"{Known.TenantId}/oauth2/v2.0/token", ClientCredentials(Known.AutomationAppId, ("client_secret", Known.AutomationSecret)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await GraphTestClient.JsonAsync(response);
        Assert.Equal("Bearer", (string?)body["token_type"]);
        Assert.Equal(3599, (int)body["expires_in"]!);
        Assert.Equal(3599, (int)body["ext_expires_in"]!);
        using var graph = new GraphTestClient(server, (string)body["access_token"]!, new HttpClient { BaseAddress = server.HttpBaseAddress });
        var revoke = await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(Known.AutomationAppId, server.Requests.Snapshot().Last().AppId);
    }

    [Fact]
    public async Task Tenant_may_be_named_by_a_verified_domain()
    {
        var (server, https) = await TestSandbox.StartWithHttpsAsync();
        await using var _ = server;
        using var __ = https;

        var response = await https.PostAsync("contoso.com/oauth2/v2.0/token", ClientCredentials(Known.AutomationAppId, ("client_secret", Known.AutomationSecret)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string, string?, HttpStatusCode, string, int> Failures => new()
    {
        { Known.TenantId, Known.AutomationAppId, "wrong-secret", HttpStatusCode.Unauthorized, "invalid_client", 7000215 },
        { Known.TenantId, Guid.Empty.ToString(), "anything", HttpStatusCode.BadRequest, "unauthorized_client", 700016 },
        { "fabrikam.onmicrosoft.com", Known.AutomationAppId, Known.AutomationSecret, HttpStatusCode.BadRequest, "invalid_request", 90002 },
        { Known.TenantId, Known.AutomationAppId, null, HttpStatusCode.Unauthorized, "invalid_client", 7000218 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Bad_client_credentials_get_entra_errors(string tenant, string clientId, string? secret, HttpStatusCode status, string error, int code)
    {
        var (server, https) = await TestSandbox.StartWithHttpsAsync();
        await using var _ = server;
        using var __ = https;

        var response = await https.PostAsync($"{tenant}/oauth2/v2.0/token",
            secret is null ? ClientCredentials(clientId) : ClientCredentials(clientId, ("client_secret", secret)));

        Assert.Equal(status, response.StatusCode);
        var body = await GraphTestClient.JsonAsync(response);
        Assert.Equal(error, (string?)body["error"]);
        Assert.StartsWith($"AADSTS{code}: ", (string?)body["error_description"]);
        Assert.Equal(code, (int)body["error_codes"]![0]!);
        Assert.NotNull((string?)body["trace_id"]);
        Assert.NotNull((string?)body["correlation_id"]);
        Assert.NotNull((string?)body["timestamp"]);
        Assert.DoesNotContain(Known.AutomationSecret, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Client_assertion_signed_by_a_certificate_registered_at_runtime_buys_a_token(bool pss)
    {
        var (server, https) = await TestSandbox.StartWithHttpsAsync();
        await using var _ = server;
        using var __ = https;
        using var certificate = SandboxCertificate.CreateSelfSigned();
        server.Tenant.AddApplicationCertificate(Known.AutomationAppId, certificate);
        var audience = $"{server.AuthorityHost}{Known.TenantId}/oauth2/v2.0/token";

        var response = await https.PostAsync($"{Known.TenantId}/oauth2/v2.0/token", ClientCredentials(Known.AutomationAppId,
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            ("client_assertion", ClientAssertions.Create(certificate, Known.AutomationAppId, audience, pss))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (string)(await GraphTestClient.JsonAsync(response))["access_token"]!;
        using var graph = new GraphTestClient(server, token);
        Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync($"users/{Known.AdeleUpn}")).StatusCode);
    }

    [Theory]
    [InlineData("unregistered certificate")]
    [InlineData("wrong audience")]
    [InlineData("expired")]
    public async Task Bad_client_assertion_is_401_invalid_client(string problem)
    {
        var (server, https) = await TestSandbox.StartWithHttpsAsync();
        await using var _ = server;
        using var __ = https;
        using var registered = SandboxCertificate.CreateSelfSigned();
        using var other = SandboxCertificate.CreateSelfSigned();
        server.Tenant.AddApplicationCertificate(Known.AutomationAppId, registered);
        var audience = $"{server.AuthorityHost}{Known.TenantId}/oauth2/v2.0/token";
        var assertion = problem switch
        {
            "unregistered certificate" => ClientAssertions.Create(other, Known.AutomationAppId, audience),
            "wrong audience" => ClientAssertions.Create(registered, Known.AutomationAppId, "https://login.microsoftonline.com/common/oauth2/v2.0/token"),
            _ => ClientAssertions.Create(registered, Known.AutomationAppId, audience, lifetime: TimeSpan.FromMinutes(-30)),
        };

        var response = await https.PostAsync($"{Known.TenantId}/oauth2/v2.0/token", ClientCredentials(Known.AutomationAppId,
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), ("client_assertion", assertion)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (string?)(await GraphTestClient.JsonAsync(response))["error"]);
    }

    [Fact]
    public async Task Token_endpoint_is_not_served_over_plain_http()
    {
        var (server, https) = await TestSandbox.StartWithHttpsAsync();
        await using var _ = server;
        using var __ = https;
        using var http = new HttpClient { BaseAddress = server.HttpBaseAddress };

        var response = await http.PostAsync($"{Known.TenantId}/oauth2/v2.0/token", ClientCredentials(Known.AutomationAppId, ("client_secret", Known.AutomationSecret)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_certificate_there_is_no_https_and_no_authority()
    {
        await using var server = await TestSandbox.StartAsync();

        Assert.Null(server.HttpsBaseAddress);
        Assert.Null(server.HttpsGraphEndpoint);
        Assert.Null(server.AuthorityHost);
    }

    [Fact]
    public async Task Https_addresses_name_localhost_and_the_graph_endpoint_works_over_https()
    {
        var (server, https) = await TestSandbox.StartWithHttpsAsync();
        await using var _ = server;
        using var graph = new GraphTestClient(server, Tokens.Automation(server), https);

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}?$select=id");

        Assert.Equal("localhost", server.HttpsBaseAddress!.Host);
        Assert.Equal(server.HttpsBaseAddress, server.AuthorityHost);
        Assert.Equal($"https://localhost:{server.HttpsBaseAddress.Port}/v1.0", server.HttpsGraphEndpoint!.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
