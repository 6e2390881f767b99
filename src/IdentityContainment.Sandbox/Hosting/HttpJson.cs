using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IdentityContainment.Sandbox;

/// <summary>Writes JSON answers to HTTP responses.</summary>
internal static class HttpJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpResponse response, int status, JsonNode? body, string contentType,
        IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        response.StatusCode = status;
        foreach (var (name, value) in headers ?? [])
            response.Headers[name] = value;
        if (body is null)
            return;
        response.ContentType = contentType;
        await using var writer = new Utf8JsonWriter(response.Body, WriterOptions);
        body.WriteTo(writer);
        await writer.FlushAsync(response.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteAsync(HttpResponse response, EndpointResult result) =>
        WriteAsync(response, result.Status, result.Body, "application/json; charset=utf-8", result.Headers);

    /// <summary>Writes a record with the sandbox's output settings (Graph casing, nulls left out).</summary>
    public static Task WriteObjectAsync<T>(HttpResponse response, int status, T value) =>
        WriteAsync(response, status, JsonSerializer.SerializeToNode(value, SandboxJson.Output), "application/json; charset=utf-8");

    /// <summary>Reads the body as text, or null when it exceeds <paramref name="limit"/> bytes.</summary>
    public static async Task<string?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0)
            return "";
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
