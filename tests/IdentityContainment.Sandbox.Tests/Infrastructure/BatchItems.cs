using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>$batch requests as Graph wants them, and their answers by item id.</summary>
internal static class BatchItems
{
    /// <summary>One item; a body comes with its Content-Type, as Graph requires of write items.</summary>
    public static JsonObject Item(string id, string method, string url, JsonNode? body = null)
    {
        var item = new JsonObject { ["id"] = id, ["method"] = method, ["url"] = url };
        if (body is not null)
        {
            item["body"] = body;
            item["headers"] = new JsonObject { ["Content-Type"] = "application/json" };
        }
        return item;
    }

    public static string Batch(params JsonObject[] items) => new JsonObject { ["requests"] = new JsonArray(items) }.ToJsonString();

    /// <summary>The batch's item answers by id, once the batch itself answered 200.</summary>
    public static async Task<Dictionary<string, JsonObject>> ItemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await GraphTestClient.JsonAsync(response))["responses"]!.AsArray().ToDictionary(r => (string)r!["id"]!, r => r!.AsObject());
    }
}
