using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests;

/// <summary>The Graph pipeline against the sandbox over real HTTP: batches, per-item throttling, whole-call retries.</summary>
public sealed class GraphPipelineTests : IAsyncLifetime
{
    private static readonly RetryPolicy FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 4 };

    private SandboxServer _sandbox = null!;
    private GraphConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 30 }),
        });
        _connection = await ConnectAsync(FastRetries);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Batch_answers_come_back_in_request_order_whatever_order_graph_uses()
    {
        GraphBatchItem[] items = _sandbox.Tenant.Users.Take(20)
            .Select((u, i) => new GraphBatchItem($"{i}", "GET", $"/users/{u.Id}?$select=id"))
            .ToArray();

        IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(items, CancellationToken.None);

        Assert.Equal(items.Select(i => i.Id), results.Select(r => r.Id));
        Assert.All(results.Zip(_sandbox.Tenant.Users.Take(20)), pair => Assert.Equal(pair.Second.Id, pair.First.Body!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Actions_without_parameters_run_in_a_batch_of_twenty()
    {
        // revokeSignInSessions takes no body; Graph still wants one (an empty object) on every write in a batch.
        var users = _sandbox.Tenant.Users.Skip(5).Take(20).ToArray();
        var before = users.ToDictionary(u => u.Id, u => u.SignInSessionsValidFromDateTime);

        IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(
            GraphBatchItem.InOrder(users.Select(u => new GraphBatchItem("POST", $"/users/{u.Id}/revokeSignInSessions"))), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.IsSuccess, $"{r.Status}: {r.Error.Message}"));
        Assert.All(users, u => Assert.True(_sandbox.Tenant.FindUser(u.Id)!.SignInSessionsValidFromDateTime > before[u.Id]));
    }

    [Fact]
    public async Task List_reads_in_a_batch_come_back_with_every_page()
    {
        _sandbox.Paging.MaxPageSize = 2;
        string[][] groups = _sandbox.Tenant.Users.Take(12).Select(u => u.Id).Chunk(6).ToArray();
        ListRead<string[]>[] lists = groups.Select(ids =>
            new ListRead<string[]>(ids, "/users?$select=id&$filter=" + Uri.EscapeDataString($"id in ({string.Join(",", ids.Select(id => $"'{id}'"))})"))).ToArray();

        IReadOnlyList<WholeList<string[]>> results = await _connection.Batch.ReadWholeListsAsync(lists, CancellationToken.None);

        Assert.Equal(groups, results.Select(r => r.List));
        Assert.All(results, list =>
        {
            Assert.True(list.IsComplete, list.Outcome.ToString());
            Assert.Equal(3, list.Outcome.PagesRead);
            Assert.Equal(list.List.Order(), list.Items.Select(u => (string)u["id"]!).Order());
        });
    }

    [Fact]
    public async Task A_throttled_batch_is_sent_again_after_retry_after()
    {
        FaultRule throttle = _sandbox.Faults.Add(FaultRule.TooManyRequests(@"^/\$batch", retryAfter: TimeSpan.FromMilliseconds(300), times: 2, method: "POST"));
        var started = DateTimeOffset.UtcNow;

        IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(
            new[] { new GraphBatchItem("1", "GET", $"/users/{_sandbox.Tenant.Users[0].Id}") }, CancellationToken.None);

        Assert.True(Assert.Single(results).IsSuccess);
        Assert.Equal(2, throttle.Hits);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(600), "Each retry must wait for Retry-After.");
        Assert.True(_connection.Statistics.Throttled >= 2);
    }

    [Fact]
    public async Task A_write_that_may_have_happened_is_not_repeated_after_a_503()
    {
        string user = _sandbox.Tenant.Users[1].Id;
        FaultRule outage = _sandbox.Faults.Add(FaultRule.ServiceUnavailable($"^/users/{user}/revokeSignInSessions$", times: 1, method: "POST"));

        IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(
            new[] { new GraphBatchItem("1", "POST", $"/users/{user}/revokeSignInSessions", Repeatable: false) }, CancellationToken.None);

        Assert.Equal(503, Assert.Single(results).Status);
        Assert.Equal(1, outage.Hits);
    }

    [Fact]
    public async Task Items_throttled_past_every_retry_are_reported_as_throttled_not_lost()
    {
        FaultRule throttle = _sandbox.Faults.Add(FaultRule.TooManyRequests("^/users/", retryAfter: TimeSpan.FromMilliseconds(10), times: null, method: "GET"));
        try
        {
            IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(
                _sandbox.Tenant.Users.Take(3).Select((u, i) => new GraphBatchItem($"{i}", "GET", $"/users/{u.Id}")).ToArray(), CancellationToken.None);

            Assert.Equal(3, results.Count);
            Assert.All(results, r => Assert.Equal(429, r.Status));
            Assert.Equal(3 * FastRetries.MaxAttempts, throttle.Hits);
        }
        finally
        {
            _sandbox.Faults.Remove(throttle);
        }
    }

    [Fact]
    public async Task More_than_twenty_items_are_refused_before_anything_is_sent()
    {
        GraphBatchItem[] items = Enumerable.Range(0, 21).Select(i => new GraphBatchItem($"{i}", "GET", "/users/x")).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => _connection.Batch.SendAsync(items, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_graph_does_not_answer_in_time_is_sent_again_with_the_same_password()
    {
        // The stalled attempt outlasts the attempt timeout many times over, and the retry has that whole timeout to
        // answer: the outcome does not depend on how loaded the machine is.
        var patient = new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 3, AttemptTimeout = TimeSpan.FromSeconds(5) };
        using GraphConnection connection = await ConnectAsync(patient);
        UserRecord user = _sandbox.Tenant.Users[2];
        const string password = "Kq7!vRt2#mPw9xLz4sYb";
        FaultRule stall = _sandbox.Faults.Add(FaultRule.Latency(@"^/\$batch", TimeSpan.FromSeconds(40), times: 1, method: "POST"));
        var body = new System.Text.Json.Nodes.JsonObject { ["passwordProfile"] = new System.Text.Json.Nodes.JsonObject { ["password"] = password, ["forceChangePasswordNextSignIn"] = true } };

        IReadOnlyList<GraphBatchResult> results = await connection.Batch.SendAsync(new[] { new GraphBatchItem("1", "PATCH", $"/users/{user.Id}", body) }, CancellationToken.None);

        Assert.True(Assert.Single(results).IsSuccess);
        Assert.Equal(1, stall.Hits);
        Assert.Equal(1, connection.Statistics.Retries);
        Assert.True(_sandbox.Tenant.FindUser(user.Id)!.Password!.Matches(password));
    }

    [Fact]
    public async Task A_call_that_may_have_happened_is_not_repeated_when_graph_does_not_answer()
    {
        var patient = new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 3, AttemptTimeout = TimeSpan.FromMilliseconds(300) };
        using GraphConnection connection = await ConnectAsync(patient);
        FaultRule stall = _sandbox.Faults.Add(FaultRule.Latency("^/identityProtection/riskyUsers/confirmCompromised$", TimeSpan.FromSeconds(2), times: 1, method: "POST"));

        using var request = new HttpRequestMessage(HttpMethod.Post, connection.UriFor("/identityProtection/riskyUsers/confirmCompromised"))
        {
            Content = new StringContent("{\"userIds\":[]}", System.Text.Encoding.UTF8, "application/json"),
        };
        TimeoutException timeout = await Assert.ThrowsAsync<TimeoutException>(() => connection.SendAsync(request, CancellationToken.None));

        Assert.Contains("did not answer POST /identityProtection/riskyUsers/confirmCompromised within", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(1, stall.Hits);
        Assert.Equal(0, connection.Statistics.Retries);
    }

    private Task<GraphConnection> ConnectAsync(RetryPolicy policy) => SandboxConnections.AsAutomationAppAsync(_sandbox, policy);
}
