using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The sandbox's own paths under /sandbox (no Graph auth, loopback callers only, not in the request
/// log): the ground truth (footholds and mail leaks), the request log, a token mint and a summary for scripts.
/// </summary>
internal sealed class SandboxControlEndpoints(SandboxServer server)
{
    private static readonly JsonSerializerOptions TokenRequestOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        RespectRequiredConstructorParameters = true,
    };

    public async Task HandleAsync(HttpContext http, IReadOnlyList<string> segments)
    {
        if (http.Connection.RemoteIpAddress is { } remote && !System.Net.IPAddress.IsLoopback(remote))
        {
            await HttpJson.WriteObjectAsync(http.Response, 403, new { error = "The sandbox control paths answer loopback callers only." }).ConfigureAwait(false);
            return;
        }
        var method = http.Request.Method;
        switch (segments)
        {
            case [] when method == "GET":
                await HttpJson.WriteAsync(http.Response, 200, Summary(), "application/json; charset=utf-8").ConfigureAwait(false);
                break;
            case ["footholds"] when method == "GET":
                await HttpJson.WriteObjectAsync(http.Response, 200, server.EvaluateFootholds()).ConfigureAwait(false);
                break;
            case ["mail-leaks"] when method == "GET":
                await HttpJson.WriteObjectAsync(http.Response, 200, server.EvaluateMailLeaks()).ConfigureAwait(false);
                break;
            case ["requests"] when method == "GET":
                await HttpJson.WriteObjectAsync(http.Response, 200, server.Requests.Snapshot()).ConfigureAwait(false);
                break;
            case ["token"] when method == "POST":
                await MintAsync(http).ConfigureAwait(false);
                break;
            default:
                await HttpJson.WriteObjectAsync(http.Response, 404, new
                {
                    error = "Unknown sandbox path. Known: GET /sandbox, GET /sandbox/footholds, GET /sandbox/mail-leaks, GET /sandbox/requests, POST /sandbox/token.",
                }).ConfigureAwait(false);
                break;
        }
    }

    private async Task MintAsync(HttpContext http)
    {
        AccessTokenRequest? request;
        string token;
        try
        {
            request = await JsonSerializer.DeserializeAsync<AccessTokenRequest>(http.Request.Body, TokenRequestOptions, http.RequestAborted).ConfigureAwait(false);
            if (request is null)
                throw new JsonException("The body must be a JSON object.");
            token = server.IssueAccessToken(request);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            await HttpJson.WriteObjectAsync(http.Response, 400, new
            {
                error = $"Cannot mint a token: {e.Message} Send {{\"appId\":\"...\",\"userPrincipalName\":null,\"permissions\":[\"User.Read.All\"],\"lifetime\":\"01:00:00\"}}.",
            }).ConfigureAwait(false);
            return;
        }
        await HttpJson.WriteObjectAsync(http.Response, 200, new
        {
            access_token = token,
            token_type = "Bearer",
            expires_in = (int)request.Lifetime.TotalSeconds,
        }).ConfigureAwait(false);
    }

    private JsonObject Summary() => new()
    {
        ["scenario"] = server.Tenant.ScenarioName,
        ["tenantId"] = server.Tenant.TenantId,
        ["tenantDisplayName"] = server.Tenant.Info.DisplayName,
        ["users"] = server.Tenant.UserCount,
        ["graphEndpoint"] = server.GraphEndpoint.ToString(),
        ["httpsGraphEndpoint"] = server.HttpsGraphEndpoint?.ToString(),
        ["authorityHost"] = server.AuthorityHost?.ToString(),
        ["managedIdentityEndpoint"] = server.ManagedIdentityEndpoint.ToString(),
        ["keyVaultUri"] = server.KeyVaultUri?.ToString(),
        ["httpsProxy"] = server.HttpsProxy?.ToString(),
    };
}
