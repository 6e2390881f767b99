using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>
/// Outlook's limit of 4 requests in flight per app and mailbox (CONTRACT §12/§13). These hold requests on the wire with
/// injected latency on the inbox-rules path; the limit is checked before routing, for the whole Outlook path family.
/// </summary>
public sealed class MailboxConcurrencyTests
{
    private static string RulesOf(string user) => $"/users/{user}/mailFolders/inbox/messageRules";

    private static async Task<JsonObject[]> BatchOfReadsAsync(SandboxServer server, params string[] urls)
    {
        using var graph = GraphTestClient.AsAutomation(server);
        var requests = new JsonArray(urls.Select((url, i) => (JsonNode)new JsonObject { ["id"] = $"{i + 1}", ["method"] = "GET", ["url"] = url }).ToArray());
        var response = await graph.PostAsync("$batch", new JsonObject { ["requests"] = requests }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await GraphTestClient.JsonAsync(response))["responses"]!.AsArray().Select(r => r!.AsObject()).ToArray();
    }

    private static SandboxServer HoldOutlookRequests(SandboxServer server)
    {
        // Long enough that every item of the batch has arrived before the first one is answered.
        server.Faults.Add(FaultRule.Latency("/mailFolders/", TimeSpan.FromSeconds(2)));
        return server;
    }

    [Fact]
    public async Task Fifth_request_in_flight_to_one_mailbox_is_429_application_throttled()
    {
        await using var server = HoldOutlookRequests(await TestSandbox.StartAsync());

        var answers = await BatchOfReadsAsync(server, Enumerable.Repeat(RulesOf(Known.AdeleUpn), 5).ToArray());

        var throttled = Assert.Single(answers, a => (int)a["status"]! == 429);
        Assert.Equal("ApplicationThrottled", (string?)throttled["body"]!["error"]!["code"]);
        Assert.Equal("Application is over its MailboxConcurrency limit.", (string?)throttled["body"]!["error"]!["message"]);
        Assert.Equal("1", (string?)throttled["headers"]!["Retry-After"]);
        Assert.Single(server.Requests.Snapshot(), e => e.Outcome == RequestOutcome.Throttled);
    }

    [Fact]
    public async Task A_mailbox_named_by_upn_and_by_object_id_is_one_mailbox()
    {
        await using var server = HoldOutlookRequests(await TestSandbox.StartAsync());

        var answers = await BatchOfReadsAsync(server,
            RulesOf(Known.AdeleUpn), RulesOf(Known.AdeleId), RulesOf(Known.AdeleUpn.ToUpperInvariant()), RulesOf(Known.AdeleId), RulesOf(Known.AdeleUpn));

        Assert.Single(answers, a => (int)a["status"]! == 429);
    }

    [Fact]
    public async Task Four_in_flight_per_mailbox_leaves_other_mailboxes_and_the_directory_alone()
    {
        await using var server = HoldOutlookRequests(await TestSandbox.StartAsync());

        var answers = await BatchOfReadsAsync(server,
            RulesOf(Known.AdeleUpn), RulesOf(Known.AdeleUpn), RulesOf(Known.AdeleUpn), RulesOf(Known.AdeleUpn),
            RulesOf(Known.AlexUpn), $"/users/{Known.AdeleUpn}", $"/users/{Known.AdeleUpn}/messageRules");

        Assert.DoesNotContain(answers, a => (int)a["status"]! == 429);
    }

    [Fact]
    public async Task A_place_is_given_back_when_the_answer_is_sent()
    {
        await using var server = await TestSandbox.StartAsync();

        for (var round = 0; round < 3; round++)
        {
            var answers = await BatchOfReadsAsync(server, Enumerable.Repeat(RulesOf(Known.AdeleUpn), 4).ToArray());
            Assert.DoesNotContain(answers, a => (int)a["status"]! == 429);
        }
    }

    [Fact]
    public async Task Fifth_parallel_single_call_to_one_mailbox_is_429_and_four_are_not()
    {
        await using var server = HoldOutlookRequests(await TestSandbox.StartAsync());
        using var graph = GraphTestClient.AsAutomation(server);

        var four = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => graph.GetAsync(RulesOf(Known.AdeleUpn))));
        var five = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => graph.GetAsync(RulesOf(Known.AdeleUpn))));

        Assert.All(four, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var throttled = Assert.Single(five, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        await GraphAssert.ErrorAsync(throttled, HttpStatusCode.TooManyRequests, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.");
        Assert.Equal("1", GraphAssert.Header(throttled, "Retry-After"));
    }

    [Fact]
    public async Task Items_of_one_batch_chained_by_depends_on_do_not_count_as_concurrent()
    {
        await using var server = HoldOutlookRequests(await TestSandbox.StartAsync());
        using var graph = GraphTestClient.AsAutomation(server);
        var requests = new JsonArray(Enumerable.Range(1, 6).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"{i}",
            ["method"] = "GET",
            ["url"] = RulesOf(Known.AdeleUpn),
            ["dependsOn"] = i == 1 ? null : new JsonArray($"{i - 1}"),
        }).ToArray());
        foreach (var request in requests)
            if (request!["dependsOn"] is null)
                request.AsObject().Remove("dependsOn");

        var response = await graph.PostAsync("$batch", new JsonObject { ["requests"] = requests }.ToJsonString());

        var answers = (await GraphTestClient.JsonAsync(response))["responses"]!.AsArray();
        Assert.All(answers, a => Assert.Equal(200, (int)a!["status"]!));
    }

    [Fact]
    public async Task The_sandboxs_latency_holds_the_mailboxs_place_like_a_slow_answer()
    {
        // No fault rule here: only the --latency-ms option keeps the first four in flight while the fifth arrives.
        await using var server = await TestSandbox.StartAsync(configure: o => o.Latency = TimeSpan.FromSeconds(2));
        using var graph = GraphTestClient.AsAutomation(server);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => graph.GetAsync(RulesOf(Known.AdeleUpn))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Past_the_outlook_request_quota_of_a_mailbox_its_requests_get_429_with_retry_after_and_other_mailboxes_do_not()
    {
        await using var server = await TestSandbox.StartAsync();
        server.Throttling.OutlookRequestsPerMailbox = 3;
        using var graph = GraphTestClient.AsAutomation(server);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync(RulesOf(Known.AdeleUpn))).StatusCode);
        var fourth = await graph.GetAsync($"users/{Known.AdeleId}/mailboxSettings");
        var otherMailbox = await graph.GetAsync(RulesOf(Known.AlexUpn));

        await GraphAssert.ErrorAsync(fourth, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.NotNull(GraphAssert.Header(fourth, "Retry-After"));
        Assert.Equal(HttpStatusCode.OK, otherMailbox.StatusCode);
    }

    [Fact]
    public async Task The_items_of_one_parallel_batch_count_as_concurrent_even_when_each_is_answered_at_once()
    {
        // No latency and no fault: the items arrive together, so the fifth to one mailbox is refused however fast they run.
        await using var server = await TestSandbox.StartAsync();

        var answers = await BatchOfReadsAsync(server,
            RulesOf(Known.AdeleUpn), RulesOf(Known.AdeleUpn), RulesOf(Known.AdeleUpn), RulesOf(Known.AdeleUpn), RulesOf(Known.AdeleUpn), RulesOf(Known.AlexUpn));

        var throttled = Assert.Single(answers, a => (int)a["status"]! == 429);
        Assert.Equal("5", (string?)throttled["id"]);
        Assert.Equal(200, (int)answers.Single(a => (string?)a["id"] == "6")["status"]!);
    }
}
