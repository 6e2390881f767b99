using System.Globalization;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Errors in the shape Entra's token endpoint returns: error, AADSTS description, codes, ids, timestamp.</summary>
internal static class OAuthError
{
    public static EndpointResult Create(int status, string error, int code, string description, string? correlationId, DateTimeOffset now, string? appId = null)
    {
        var traceId = Guid.NewGuid().ToString();
        correlationId ??= Guid.NewGuid().ToString();
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var result = new EndpointResult(status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = $"https://login.microsoftonline.com/error?code={code}",
        })
        { AppId = appId };
        return result;
    }
}
