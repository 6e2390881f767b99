using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class BatchTests
{
    private static string Batch(params JsonObject[] requests) => new JsonObject { ["requests"] = new JsonArray(requests) }.ToJsonString();

    private static JsonObject Get(string id, string url) => new() { ["id"] = id, ["method"] = "GET", ["url"] = url };

    private static JsonObject Patch(string id, string url, JsonObject body, params string[] dependsOn)
    {
        var request = new JsonObject
        {
            ["id"] = id,
            ["method"] = "PATCH",
            ["url"] = url,
            ["body"] = body,
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
        };
        if (dependsOn.Length > 0)
            request["dependsOn"] = new JsonArray(dependsOn.Select(d => (JsonNode)d).ToArray());
        return request;
    }

    /// <summary>An action that takes no parameters, as Graph wants it in a batch: an empty body and its Content-Type.</summary>
    private static JsonObject Post(string id, string url) => new()
    {
        ["id"] = id,
        ["method"] = "POST",
        ["url"] = url,
        ["body"] = new JsonObject(),
        ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
    };

    private static Dictionary<string, JsonObject> ById(JsonObject batch) =>
        batch["responses"]!.AsArray().ToDictionary(r => (string)r!["id"]!, r => r!.AsObject());

    [Fact]
    public async Task Each_item_gets_its_own_status_and_body()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("$batch", Batch(
            Get("1", $"/users/{Known.AdeleUpn}?$select=id"),
            Get("2", "users/nobody@contoso.com"),
            Get("3", "/v1.0/organization?$select=id"),
            Post("4", $"/users/{Known.AdeleId}/revokeSignInSessions")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = ById(await GraphTestClient.JsonAsync(response));
        Assert.Equal(200, (int)items["1"]["status"]!);
        Assert.Equal(Known.AdeleId, (string?)items["1"]["body"]!["id"]);
        Assert.Equal(404, (int)items["2"]["status"]!);
        Assert.Equal("Request_ResourceNotFound", (string?)items["2"]["body"]!["error"]!["code"]);
        Assert.Equal(200, (int)items["3"]["status"]!);
        Assert.True((bool)items["4"]["body"]!["value"]!);
        Assert.StartsWith("application/json", (string?)items["1"]["headers"]!["Content-Type"]);
    }

    [Fact]
    public async Task Responses_do_not_come_back_in_request_order()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("$batch", Batch(Get("a", "users/adelev@contoso.com"), Get("b", "users/alexw@contoso.com"), Get("c", "organization")));

        var ids = (await GraphTestClient.JsonAsync(response))["responses"]!.AsArray().Select(r => (string)r!["id"]!).ToArray();
        Assert.Equal(["a", "b", "c"], ids.Order());
        Assert.NotEqual(["a", "b", "c"], ids);
    }

    [Fact]
    public async Task More_than_twenty_requests_is_400()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("$batch", Batch(Enumerable.Range(1, 21).Select(i => Get(i.ToString(), "organization")).ToArray()));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest", "Number of requests in a batch exceeds the limit of 20.");
        Assert.DoesNotContain(server.Requests.Snapshot(), e => e.BatchId is not null);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"requests":[{"id":"1","method":"GET"}]}""")]
    [InlineData("""{"requests":[{"id":"1","method":"GET","url":"/organization"},{"id":"1","method":"GET","url":"/organization"}]}""")]
    [InlineData("""{"requests":[{"id":"1","method":"PATCH","url":"/users/x","body":{"accountEnabled":false}}]}""")]
    [InlineData("""{"requests":[{"id":"1","method":"GET","url":"/organization","dependsOn":["9"]}]}""")]
    [InlineData("""{"requests":[{"id":"a","method":"GET","url":"/organization"},{"id":"b","method":"GET","url":"/organization","dependsOn":["A"]}]}""")]
    public async Task Malformed_batch_is_400(string body)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("$batch", body);

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Theory]
    [InlineData("POST", null)]
    [InlineData("PATCH", null)]
    [InlineData("PUT", null)]
    [InlineData("POST", "{}")]
    public async Task Write_without_a_body_and_its_content_type_fails_the_whole_batch(string method, string? bodyWithoutHeader)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var before = server.Tenant.FindUser(Known.AdeleUpn)!.SignInSessionsValidFromDateTime;
        var bare = new JsonObject { ["id"] = "2", ["method"] = method, ["url"] = $"/users/{Known.AdeleUpn}/revokeSignInSessions" };
        if (bodyWithoutHeader is not null)
            bare["body"] = JsonNode.Parse(bodyWithoutHeader);

        var response = await graph.PostAsync("$batch", Batch(Post("1", $"/users/{Known.AlexUpn}/revokeSignInSessions"), bare));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest", "Write request id : 2 does not contain Content-Type header or body.");
        Assert.DoesNotContain(server.Requests.Snapshot(), e => e.BatchId is not null);
        Assert.Equal(before, server.Tenant.FindUser(Known.AdeleUpn)!.SignInSessionsValidFromDateTime);
    }

    [Fact]
    public async Task Bodyless_delete_is_not_a_write_that_needs_a_body()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("$batch", Batch(new JsonObject { ["id"] = "1", ["method"] = "DELETE", ["url"] = "/devices/00000000-0000-0000-0000-000000000000" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(404, (int)ById(await GraphTestClient.JsonAsync(response))["1"]["status"]!);
    }

    [Fact]
    public async Task Request_ids_that_differ_only_in_case_are_the_same_id()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("$batch", Batch(Get("a", "organization"), Get("A", "organization")));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest", "Request Id A has to be unique in a batch.");
    }

    [Fact]
    public async Task Dependent_of_a_failed_request_gets_424()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("$batch", Batch(
            Patch("1", $"/users/{Known.AlexUpn}", new JsonObject { ["accountEnabled"] = false }),
            Patch("2", "/users/nobody@contoso.com", new JsonObject { ["accountEnabled"] = false }, "1"),
            Patch("3", $"/users/{Known.AdeleUpn}", new JsonObject { ["accountEnabled"] = false }, "2")));

        var items = ById(await GraphTestClient.JsonAsync(response));
        Assert.Equal(204, (int)items["1"]["status"]!);
        Assert.Equal(404, (int)items["2"]["status"]!);
        Assert.Equal(424, (int)items["3"]["status"]!);
        Assert.True(server.Tenant.FindUser(Known.AdeleUpn)!.AccountEnabled);
        Assert.False(server.Tenant.FindUser(Known.AlexUpn)!.AccountEnabled);
    }

    [Theory]
    // Two lone items and a dependent: neither fully parallel nor fully sequential (microsoft-graph-docs issue 16280).
    [InlineData(",,1")]
    // A chain that skips the item before it, and two items that name the same one: not the one documented shape.
    [InlineData(",1,1")]
    public async Task Batch_that_mixes_parallel_and_sequential_items_is_400(string dependsOnPerItem)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var before = server.Tenant.FindUser(Known.AdeleUpn)!.AccountEnabled;

        var response = await graph.PostAsync("$batch", Batch(dependsOnPerItem.Split(',').Select((d, i) =>
            Patch((i + 1).ToString(), $"/users/{Known.AdeleUpn}", new JsonObject { ["accountEnabled"] = false }, d.Length == 0 ? [] : [d])).ToArray()));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest", "Batch should be either fully sequential or fully parallel.");
        Assert.DoesNotContain(server.Requests.Snapshot(), e => e.BatchId is not null);
        Assert.Equal(before, server.Tenant.FindUser(Known.AdeleUpn)!.AccountEnabled);
    }

    [Fact]
    public async Task Dependent_of_a_successful_request_runs_after_it()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("$batch", Batch(
            Post("1", $"/users/{Known.AdeleUpn}/revokeSignInSessions"),
            Patch("2", $"/users/{Known.AdeleUpn}", new JsonObject { ["accountEnabled"] = false }, "1")));

        var items = ById(await GraphTestClient.JsonAsync(response));
        Assert.Equal(204, (int)items["2"]["status"]!);
        var log = server.Requests.Snapshot().Where(e => e.BatchId is not null).ToArray();
        Assert.Equal(["1", "2"], log.Select(e => e.BatchItemId));
    }

    [Fact]
    public async Task Item_over_the_write_quota_is_429_with_retry_after_inside_a_200_batch()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Throttling.WriteQuota = 2);
        using var graph = GraphTestClient.AsAutomation(server);
        var upns = new[] { Known.AdeleUpn, Known.AlexUpn, "leeg@contoso.com", "diegos@contoso.com" };

        var response = await graph.PostAsync("$batch", Batch(upns.Select((u, i) =>
            Post((i + 1).ToString(), $"/users/{u}/revokeSignInSessions")).ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = ById(await GraphTestClient.JsonAsync(response)).Values.ToArray();
        Assert.Equal(2, items.Count(i => (int)i["status"]! == 200));
        var throttled = items.Where(i => (int)i["status"]! == 429).ToArray();
        Assert.Equal(2, throttled.Length);
        Assert.All(throttled, t =>
        {
            Assert.True(int.Parse((string)t["headers"]!["Retry-After"]!) >= 1);
            Assert.Equal("WriteLimitExceeded", (string?)t["headers"]!["x-ms-throttle-information"]);
            Assert.Equal("TooManyRequests", (string?)t["body"]!["error"]!["code"]);
        });
    }

    [Fact]
    public async Task Request_log_records_the_batch_and_each_item()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PostAsync("$batch", Batch(
            Get("1", $"/users/{Known.AdeleUpn}?$select=id"),
            Post("2", $"/users/{Known.AdeleUpn}/revokeSignInSessions")));

        var outerRequestId = GraphAssert.Header(response, "request-id");
        var log = server.Requests.Snapshot();
        var batch = Assert.Single(log, e => e.Kind == RequestKind.Batch);
        Assert.Equal(outerRequestId, batch.RequestId);
        Assert.False(batch.IsWrite);
        var items = log.Where(e => e.BatchId == outerRequestId).OrderBy(e => e.BatchItemId).ToArray();
        Assert.Equal(["1", "2"], items.Select(e => e.BatchItemId));
        Assert.Equal($"/users/{Known.AdeleUpn}?$select=id", items[0].Path);
        Assert.False(items[0].IsWrite);
        Assert.True(items[1].IsWrite);
        Assert.All(items, e => Assert.Equal(Known.AutomationAppId, e.AppId));
    }

    [Fact]
    public async Task Batch_items_are_checked_against_the_callers_permissions()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, Tokens.Reporter(server));

        var response = await graph.PostAsync("$batch", Batch(
            Get("1", $"/users/{Known.AdeleUpn}"),
            Post("2", $"/users/{Known.AdeleUpn}/revokeSignInSessions")));

        var items = ById(await GraphTestClient.JsonAsync(response));
        Assert.Equal(200, (int)items["1"]["status"]!);
        Assert.Equal(403, (int)items["2"]["status"]!);
    }

    [Fact]
    public async Task Batch_without_a_token_is_401_as_a_whole()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server);

        var response = await graph.PostAsync("$batch", Batch(Get("1", "organization")));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
    }
}
