using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>Checks that an answer is a Graph error in the documented envelope.</summary>
internal static class GraphAssert
{
    public static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? message = null)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await GraphTestClient.JsonAsync(response);
        var error = body["error"]!.AsObject();
        Assert.Equal(code, (string?)error["code"]);
        if (message is not null)
            Assert.Equal(message, (string?)error["message"]);
        var inner = error["innerError"]!.AsObject();
        Assert.NotNull((string?)inner["date"]);
        Assert.Equal(Header(response, "request-id"), (string?)inner["request-id"]);
        if (status != HttpStatusCode.TooManyRequests)
            Assert.Equal(Header(response, "client-request-id"), (string?)inner["client-request-id"]);
        return error;
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First() : null;
}
