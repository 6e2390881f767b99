using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>Plain HttpClient calls to a sandbox's Graph endpoint, as any Graph client would make them.</summary>
internal sealed class GraphTestClient : IDisposable
{
    private readonly HttpClient _http;

    public GraphTestClient(SandboxServer server, string? token = null, HttpClient? http = null)
    {
        _http = http ?? new HttpClient { BaseAddress = server.HttpBaseAddress };
        if (token is not null)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static GraphTestClient AsAutomation(SandboxServer server) => new(server, Tokens.Automation(server));

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(Url(path));

    public Task<HttpResponseMessage> PatchAsync(string path, string json) =>
        _http.PatchAsync(Url(path), new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostAsync(string path, string? json = null) =>
        _http.PostAsync(Url(path), json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> DeleteAsync(string path) => _http.DeleteAsync(Url(path));

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>Reads a collection to its end, following @odata.nextLink; returns each page's items.</summary>
    public async Task<List<JsonObject[]>> PagesAsync(string first)
    {
        var pages = new List<JsonObject[]>();
        string? next = first;
        while (next is not null)
        {
            var response = await GetAsync(next);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var body = await JsonAsync(response);
            pages.Add(body["value"]!.AsArray().Select(v => v!.AsObject()).ToArray());
            next = (string?)body["@odata.nextLink"];
        }
        return pages;
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Absolute URLs (nextLinks) pass through; others are relative to /v1.0.</summary>
    private static string Url(string path) =>
        path.StartsWith("http", StringComparison.Ordinal) ? path : "v1.0/" + path.TrimStart('/');

    public void Dispose() => _http.Dispose();
}
