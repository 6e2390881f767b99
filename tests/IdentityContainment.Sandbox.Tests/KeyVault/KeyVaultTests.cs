using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class KeyVaultTests
{
    private const string Secret = "Tmp-7qR!x2Lw9pK";

    private static StringContent SecretBody(string value = Secret) => new(new JsonObject
    {
        ["value"] = value,
        ["contentType"] = "text/plain",
        ["tags"] = new JsonObject { ["userPrincipalName"] = Known.AdeleUpn, ["purpose"] = "temporary-password" },
        ["attributes"] = new JsonObject { ["enabled"] = true },
    }.ToJsonString(), Encoding.UTF8, "application/json");

    private static HttpRequestMessage Put(string name, string? token, HttpContent? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"secrets/{name}?api-version=7.6") { Content = body };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static HttpRequestMessage Get(string path, string token) =>
        new(HttpMethod.Get, $"{path}?api-version=7.6") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    private static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var error = (await GraphTestClient.JsonAsync(response))["error"]!.AsObject();
        Assert.Equal(code, (string?)error["code"]);
        return error;
    }

    [Fact]
    public async Task Challenge_then_token_then_put_stores_the_secret()
    {
        var (server, https, vault) = await TestSandbox.StartWithVaultAsync();
        await using var _ = server;
        using var __ = https;
        using var ___ = vault;

        // 1. SecretClient's first request carries neither token nor body, to learn the challenge.
        var challenged = await vault.SendAsync(Put("tmp-adelev", null));
        await ErrorAsync(challenged, HttpStatusCode.Unauthorized, "Unauthorized");
        var challenge = challenged.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal($"authorization=\"{server.AuthorityHost}{Known.TenantId}\", resource=\"https://vault.localhost\"", challenge.Parameter);

        // 2. The client credentials grant for the challenge's resource.
        var tokenResponse = await https.PostAsync($"{Known.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Known.AutomationAppId,
            ["client_secret"] = Known.AutomationSecret,
            ["scope"] = "https://vault.localhost/.default",
        }));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (string)(await GraphTestClient.JsonAsync(tokenResponse))["access_token"]!;

        // 3. The real request.
        var stored = await vault.SendAsync(Put("tmp-adelev", token, SecretBody()));

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var bundle = await GraphTestClient.JsonAsync(stored);
        Assert.Equal(Secret, (string?)bundle["value"]);
        Assert.Equal("text/plain", (string?)bundle["contentType"]);
        Assert.Matches("^https://kv-contoso-containment\\.vault\\.localhost/secrets/tmp-adelev/[0-9a-f]{32}$", (string?)bundle["id"]);
        Assert.True((bool)bundle["attributes"]!["enabled"]!);
        Assert.True((long)bundle["attributes"]!["created"]! > 1_700_000_000);
        Assert.Equal("Recoverable+Purgeable", (string?)bundle["attributes"]!["recoveryLevel"]);
        Assert.Equal(Known.AdeleUpn, (string?)bundle["tags"]!["userPrincipalName"]);

        var secret = Assert.Single(server.Tenant.KeyVaultSecrets);
        Assert.Equal((Known.VaultName, "tmp-adelev"), (secret.VaultName, secret.Name));
        Assert.Equal((string?)bundle["id"], secret.Id.ToString());
        Assert.Equal("temporary-password", secret.Tags["purpose"]);
        Assert.True(secret.Matches(Secret));
        Assert.False(secret.Matches("something else"));
        Assert.DoesNotContain(Secret, secret.ToString());

        var logged = server.Requests.Snapshot().Where(e => e.Kind == RequestKind.KeyVault).ToArray();
        Assert.Equal([401, 200], logged.Select(e => e.Status));
        Assert.All(logged, e => Assert.Equal("/secrets/tmp-adelev?api-version=7.6", e.Path));
        Assert.Equal(Known.AutomationAppId, logged[1].AppId);
        Assert.True(logged[1].IsWrite);
    }

    [Fact]
    public async Task Graph_token_gets_the_challenge_again()
    {
        var (server, https, vault) = await TestSandbox.StartWithVaultAsync();
        await using var _ = server;
        using var __ = https;
        using var ___ = vault;

        var response = await vault.SendAsync(Put("tmp-adelev", Tokens.Automation(server), SecretBody()));

        var error = await ErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Equal("AKV10022: Invalid audience. Expected https://vault.localhost, found: https://graph.microsoft.com.", (string?)error["message"]);
        Assert.Contains("resource=\"https://vault.localhost\"", response.Headers.WwwAuthenticate.Single().Parameter);
        Assert.Empty(server.Tenant.KeyVaultSecrets);
    }

    [Fact]
    public async Task Read_only_reporter_is_forbidden()
    {
        var (server, https, vault) = await TestSandbox.StartWithVaultAsync();
        await using var _ = server;
        using var __ = https;
        using var ___ = vault;

        var response = await vault.SendAsync(Put("tmp-adelev", Tokens.ForVault(server, Known.ReporterAppId), SecretBody()));

        var error = await ErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal("AccessDenied", (string?)error["innererror"]!["code"]);
        Assert.Contains("does not have secrets set permission on key vault 'kv-contoso-containment", (string?)error["message"]);
        Assert.Empty(server.Tenant.KeyVaultSecrets);
    }

    [Fact]
    public async Task Managed_identity_token_for_the_vault_resource_may_set_secrets()
    {
        var (server, https, vault) = await TestSandbox.StartWithVaultAsync();
        await using var _ = server;
        using var __ = https;
        using var ___ = vault;
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"{server.ManagedIdentityEndpoint}?api-version=2019-08-01&resource=https://vault.localhost");
        request.Headers.Add("X-IDENTITY-HEADER", server.ManagedIdentityHeader);

        var tokenBody = await GraphTestClient.JsonAsync(await http.SendAsync(request));
        var stored = await vault.SendAsync(Put("tmp-mi", (string)tokenBody["access_token"]!, SecretBody()));

        Assert.Equal("https://vault.localhost", (string?)tokenBody["resource"]);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.True(server.Tenant.FindKeyVaultSecret(Known.VaultName, "tmp-mi")!.Matches(Secret));
    }

    [Fact]
    public async Task Reader_in_the_access_policy_gets_current_and_earlier_versions()
    {
        var (server, https, vault) = await TestSandbox.StartWithVaultAsync();
        await using var _ = server;
        using var __ = https;
        using var ___ = vault;
        var writer = Tokens.ForVault(server, Known.AutomationAppId);
        var first = await GraphTestClient.JsonAsync(await vault.SendAsync(Put("tmp-adelev", writer, SecretBody("First-Temp!1"))));
        await vault.SendAsync(Put("tmp-adelev", writer, SecretBody("Second-Temp!2")));
        var nestor = server.IssueAccessToken(new AccessTokenRequest
        {
            AppId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
            UserPrincipalName = Known.DelegatedAdminUpn,
            Permissions = ["user_impersonation"],
            Audience = KeyVaultResource.Uri,
        });

        var current = await GraphTestClient.JsonAsync(await vault.SendAsync(Get("secrets/tmp-adelev/", nestor)));
        var earlier = await GraphTestClient.JsonAsync(await vault.SendAsync(Get(new Uri((string)first["id"]!).AbsolutePath, nestor)));
        var missing = await vault.SendAsync(Get("secrets/nothing-here", nestor));
        var writerCannotRead = await vault.SendAsync(Get("secrets/tmp-adelev", writer));

        Assert.Equal("Second-Temp!2", (string?)current["value"]);
        Assert.Equal("First-Temp!1", (string?)earlier["value"]);
        await ErrorAsync(missing, HttpStatusCode.NotFound, "SecretNotFound");
        await ErrorAsync(writerCannotRead, HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal(2, server.Tenant.KeyVaultSecrets.Count);
        Assert.Equal("Second-Temp!2", server.Tenant.FindKeyVaultSecret(Known.VaultName, "tmp-adelev")!.RevealSecretForTest());
    }

    [Theory]
    [InlineData("secrets/bad_name?api-version=7.6", """{"value":"x"}""")]
    [InlineData("secrets/tmp?api-version=7.6", """{"contentType":"text/plain"}""")]
    [InlineData("secrets/tmp", """{"value":"x"}""")]
    public async Task Bad_request_is_400_BadParameter(string pathAndQuery, string body)
    {
        var (server, https, vault) = await TestSandbox.StartWithVaultAsync();
        await using var _ = server;
        using var __ = https;
        using var ___ = vault;
        var request = new HttpRequestMessage(HttpMethod.Put, pathAndQuery) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.ForVault(server, Known.AutomationAppId));

        var response = await vault.SendAsync(request);

        await ErrorAsync(response, HttpStatusCode.BadRequest, "BadParameter");
        Assert.Empty(server.Tenant.KeyVaultSecrets);
    }

    [Fact]
    public async Task Vault_uri_and_proxy_are_published_only_with_https()
    {
        await using var plain = await TestSandbox.StartAsync();

        Assert.Null(plain.KeyVaultUri);
        Assert.Null(plain.HttpsProxy);
    }
}
