using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Serves HTTP requests addressed to a vault host ({name}.vault.localhost): applies injected faults
/// and the vault's throttling limit, lets <see cref="KeyVaultEndpoint"/> answer, and logs the request
/// without its body (secret values never reach the log).
/// </summary>
internal sealed class KeyVaultHttpAdapter(SandboxServer server, KeyVaultEndpoint endpoint, ThrottleGovernor governor)
{
    // A secret value is at most 25 KB; the rest of a body is small.
    private const int MaxBodyBytes = 256 * 1024;

    public async Task HandleAsync(HttpContext http, string vaultName, string rawPath, string rawQuery)
    {
        var started = Stopwatch.GetTimestamp();
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var path = "/" + string.Join('/', segments);
        var result = await ServeAsync(http, vaultName, segments, path).ConfigureAwait(false);
        await HttpJson.WriteAsync(http.Response, result).ConfigureAwait(false);
        server.Requests.Add(new RequestLogEntry
        {
            Timestamp = server.Tenant.Clock.GetUtcNow(),
            Kind = RequestKind.KeyVault,
            Method = http.Request.Method,
            // Names and versions only: Key Vault puts nothing secret in its URLs.
            Path = path + (rawQuery.Length > 0 ? "?" + Uri.UnescapeDataString(rawQuery) : ""),
            Status = result.Status,
            AppId = result.AppId,
            IsWrite = http.Request.Method is "PUT" or "PATCH" or "POST" or "DELETE",
            RequestId = result.Headers.GetValueOrDefault("x-ms-request-id") ?? Guid.NewGuid().ToString(),
            ClientRequestId = http.Request.Headers["x-ms-client-request-id"].ToString() is { Length: > 0 } id ? id : null,
            Outcome = result.Outcome,
            Duration = Stopwatch.GetElapsedTime(started),
        });
    }

    private async Task<EndpointResult> ServeAsync(HttpContext http, string vaultName, string[] segments, string path)
    {
        if (!http.Request.IsHttps)
            return KeyVaultErrors.BadParameter("Key Vault is served over https only.");
        var body = await HttpJson.ReadBodyAsync(http.Request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
            return KeyVaultErrors.Error(413, "RequestBodyTooLarge", $"The request body is larger than {MaxBodyBytes} bytes.");
        if (await server.Faults.ApplyAsync(http.Request.Method, path, http.Request.QueryString.Value?.TrimStart('?') ?? "", http.RequestAborted).ConfigureAwait(false) is { } fault)
        {
            var faulted = FaultResponses.For(fault);
            var error = KeyVaultErrors.Error(faulted.Status, faulted.Status == 429 ? "Throttled" : "ServiceUnavailable",
                "The sandbox injected this fault.") with { Outcome = RequestOutcome.Faulted };
            foreach (var (name, value) in faulted.Headers)
                error.Headers[name] = value;
            return error;
        }
        var decision = governor.DecideKeyVault(vaultName);
        if (!decision.Allowed)
        {
            var throttled = KeyVaultErrors.Error(429, "Throttled",
                "Request was not processed because too many requests were received. Reason: the vault's transaction limit. Please retry after some time.")
                with { Outcome = RequestOutcome.Throttled };
            throttled.Headers["Retry-After"] = ThrottleGovernor.FormatRetryAfter(decision.RetryAfter ?? TimeSpan.FromSeconds(1));
            return throttled;
        }

        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var result = endpoint.Handle(vaultName, http.Request.Method, segments, query,
            http.Request.Headers.Authorization.ToString(), body.Length == 0 ? null : body, server.AuthorityHost!);
        result.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        result.Headers["x-ms-keyvault-service-version"] = "sandbox";
        return result;
    }
}
