using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IdentityContainment.Sandbox;

/// <summary>Turns an HTTP request under /v1.0 into a <see cref="GraphRequest"/> and writes the router's answer back.</summary>
internal sealed class GraphHttpAdapter(GraphRouter router, AccessTokenValidator validator)
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public async Task HandleAsync(HttpContext http, string rawPath, string rawQuery)
    {
        var body = await HttpJson.ReadBodyAsync(http.Request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Request.Headers)
            if (!string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
                headers[name] = values.ToString();

        var response = await router.HandleAsync(new GraphRequest
        {
            Method = http.Request.Method,
            Path = rawPath,
            Query = rawQuery,
            Headers = headers,
            Body = body.Length == 0 ? null : body,
            Caller = validator.Validate(http.Request.Headers.Authorization.ToString()),
            GraphBaseUri = $"{http.Request.Scheme}://{http.Request.Host}/v1.0",
            ClientRequestId = headers.GetValueOrDefault("client-request-id"),
        }, http.RequestAborted).ConfigureAwait(false);

        await HttpJson.WriteAsync(http.Response, response.Status, response.Body, GraphResponse.JsonContentType, response.Headers).ConfigureAwait(false);
    }

    /// <summary>The request target exactly as the client sent it, split into path and query, still encoded.</summary>
    public static (string Path, string Query) RawTarget(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (http.Request.Path + http.Request.QueryString).ToString();
        var question = raw.IndexOf('?');
        return question < 0 ? (raw, "") : (raw[..question], raw[(question + 1)..]);
    }
}
