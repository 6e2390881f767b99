using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The one HTTP entry point: sends each request to a Key Vault (by host name), Graph, the token
/// endpoint, the managed identity endpoint, discovery or the sandbox's own paths. No ASP.NET routing:
/// a handful of path shapes do not need it, and start-up stays fast.
/// </summary>
internal sealed class SandboxHttpPipeline(
    SandboxServer server,
    KeyVaultHttpAdapter keyVault,
    GraphHttpAdapter graph,
    TokenEndpoint tokens,
    ManagedIdentityEndpoint managedIdentity,
    DiscoveryEndpoints discovery,
    SandboxControlEndpoints control,
    TimeSpan latency)
{
    public async Task HandleAsync(HttpContext http)
    {
        var (rawPath, rawQuery) = GraphHttpAdapter.RawTarget(http);
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        try
        {
            if (KeyVaultResource.TryGetVaultName(http.Request.Host.Host, out var vaultName))
            {
                if (latency > TimeSpan.Zero)
                    await Task.Delay(latency, http.RequestAborted).ConfigureAwait(false);
                await keyVault.HandleAsync(http, vaultName, rawPath, rawQuery).ConfigureAwait(false);
                return;
            }
            if (segments is ["sandbox", .. var rest])
            {
                await control.HandleAsync(http, rest).ConfigureAwait(false);
                return;
            }
            // Graph requests wait inside the router, where an Outlook request holds its mailbox's place meanwhile.
            if (segments.Length > 0 && string.Equals(segments[0], "v1.0", StringComparison.OrdinalIgnoreCase))
            {
                var graphPath = rawPath[(rawPath.IndexOf("v1.0", StringComparison.OrdinalIgnoreCase) + "v1.0".Length)..];
                await graph.HandleAsync(http, graphPath.Length == 0 ? "/" : graphPath, rawQuery).ConfigureAwait(false);
                return;
            }
            if (latency > TimeSpan.Zero)
                await Task.Delay(latency, http.RequestAborted).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            var (kind, result) = await ServeIdentityAsync(http, segments).ConfigureAwait(false);
            await HttpJson.WriteAsync(http.Response, result).ConfigureAwait(false);
            if (kind is { } logged)
                server.Requests.Add(new RequestLogEntry
                {
                    Timestamp = server.Tenant.Clock.GetUtcNow(),
                    Kind = logged,
                    Method = http.Request.Method,
                    // The query of these endpoints carries no secret (the MI secret travels in a header).
                    Path = "/" + string.Join('/', segments) + (rawQuery.Length > 0 ? "?" + Uri.UnescapeDataString(rawQuery) : ""),
                    Status = result.Status,
                    AppId = result.AppId,
                    RequestId = Guid.NewGuid().ToString(),
                    ClientRequestId = http.Request.Headers["client-request-id"].ToString() is { Length: > 0 } id ? id : null,
                    Outcome = result.Outcome,
                    Duration = Stopwatch.GetElapsedTime(started),
                });
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception) when (!http.Response.HasStarted)
        {
            // A bug in the sandbox must still look like Graph to the client, and must not echo anything
            // from the request (it may carry secrets).
            var error = GraphResponse.Error(500, "generalException", "An unspecified error has occurred in the sandbox.");
            await HttpJson.WriteAsync(http.Response, error.Status, error.Body, GraphResponse.JsonContentType).ConfigureAwait(false);
        }
    }

    private async Task<(RequestKind?, EndpointResult)> ServeIdentityAsync(HttpContext http, string[] segments)
    {
        var path = "/" + string.Join('/', segments);
        var kind = segments switch
        {
            ["msi", "token"] => RequestKind.ManagedIdentity,
            [_, "oauth2", "v2.0", "token"] or [_, "oauth2", "token"] => RequestKind.Token,
            [_, "v2.0", ".well-known", "openid-configuration"] or [_, ".well-known", "openid-configuration"]
                or [_, "discovery", "v2.0", "keys"] or [_, "discovery", "keys"] => RequestKind.Discovery,
            _ => (RequestKind?)null,
        };
        if (kind is null)
            return (null, NotFound(path));
        if (await server.Faults.ApplyAsync(http.Request.Method, path, http.Request.QueryString.Value?.TrimStart('?') ?? "", http.RequestAborted).ConfigureAwait(false) is { } fault)
            return (kind, Faulted(fault));

        switch (kind)
        {
            case RequestKind.ManagedIdentity:
                var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                return (kind, managedIdentity.Handle(query, http.Request.Headers["X-IDENTITY-HEADER"].FirstOrDefault()));
            case RequestKind.Token:
                return (kind, await TokenAsync(http, segments[0], path).ConfigureAwait(false));
            default:
                var authorityHost = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
                return (kind, segments.Contains("keys") ? discovery.Keys() : discovery.OpenIdConfiguration(authorityHost, segments[0]));
        }
    }

    private async Task<EndpointResult> TokenAsync(HttpContext http, string tenantSegment, string path)
    {
        var correlationId = http.Request.Headers["client-request-id"].FirstOrDefault();
        var now = server.Tenant.Clock.GetUtcNow();
        if (!http.Request.IsHttps)
            return OAuthError.Create(400, "invalid_request", 90023, "The token endpoint is served over https only; use the sandbox's AuthorityHost.", correlationId, now);
        if (http.Request.Method != "POST" || !http.Request.HasFormContentType)
            return OAuthError.Create(400, "invalid_request", 900561, "The endpoint only accepts POST requests with a form-encoded body.", correlationId, now);
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var endpoint = new Uri($"{http.Request.Scheme}://{http.Request.Host}{path}");
        return tokens.Handle(tenantSegment, fields, endpoint, correlationId);
    }

    private static EndpointResult NotFound(string path) =>
        new(404, GraphResponse.Error(404, "BadRequest",
            $"The sandbox serves Graph under /v1.0, tokens under /{{tenant}}/oauth2/v2.0/token and /msi/token; nothing at '{path}'.").Body!);

    private static EndpointResult Faulted(FaultRule fault)
    {
        var graph = FaultResponses.For(fault);
        var result = new EndpointResult(graph.Status, graph.Body!) { Outcome = RequestOutcome.Faulted };
        foreach (var (name, value) in graph.Headers)
            result.Headers[name] = value;
        return result;
    }
}
