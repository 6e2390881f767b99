using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Graph.Budgets;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests;

/// <summary>
/// The budgets and dependsOn against the sandbox over real HTTP. The sandbox enforces Graph's limits (Outlook's 4 in
/// flight per mailbox, Identity Protection's 1 per second with no Retry-After, a batch fully parallel or one chain), so
/// a budget that lets too much through shows as a 429 in its request log, even when the client's retries hide it.
/// </summary>
public sealed class BatchBudgetTests : IAsyncLifetime
{
    private const string Adele = "adelev@contoso.com";
    private const string Alex = "alexw@contoso.com";

    private static readonly RetryPolicy FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 4 };

    private SandboxServer _sandbox = null!;
    private GraphConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { Scenario = "aitm-bec" });
        _connection = await SandboxConnections.AsAutomationAppAsync(_sandbox, FastRetries);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Audit_log_reads_by_single_call_and_in_batches_share_one_budget_of_five_per_ten_seconds()
    {
        const string Audits = "/auditLogs/directoryAudits?$top=1";
        Task<GraphCallAnswer>[] singles = Enumerable.Range(0, 4)
            .Select(_ => GraphCall.SendJsonAsync(_connection, HttpMethod.Get, Audits, null, CancellationToken.None))
            .ToArray();
        Task<IReadOnlyList<GraphBatchResult>> batch = _connection.Batch.SendAsync(
            GraphBatchItem.InOrder(Enumerable.Range(0, 4).Select(_ => new GraphBatchItem("GET", Audits))), CancellationToken.None);

        GraphCallAnswer[] answered = await Task.WhenAll(singles);
        IReadOnlyList<GraphBatchResult> items = await batch;

        // Eight reads against a limit of five per ten seconds: the budget held three back, so the sandbox throttled none.
        Assert.All(answered, a => Assert.True(a.IsSuccess));
        Assert.All(items, i => Assert.Equal(200, i.Status));
        Assert.Equal(0, ThrottledBySandbox());
    }

    private static string RulesOf(string user) => $"/users/{user}/mailFolders/inbox/messageRules";

    private static GraphBatchItem Disable(string id, string user, params string[] dependsOn) =>
        new(id, "PATCH", $"/users/{user}", new JsonObject { ["accountEnabled"] = false }) { DependsOn = dependsOn };

    private int ThrottledBySandbox() => _sandbox.Requests.Snapshot().Count(e => e.Outcome == RequestOutcome.Throttled);

    private int BatchesSent() => _sandbox.Requests.Snapshot().Count(e => e.Kind == RequestKind.Batch);

    /// <summary>Keeps inbox-rule requests on the wire long enough that requests sent together are in flight together.</summary>
    private void HoldMailboxRequests() => _sandbox.Faults.Add(FaultRule.Latency("/mailFolders/", TimeSpan.FromMilliseconds(400)));

    [Fact]
    public async Task Six_items_for_one_mailbox_go_four_then_two_and_graph_throttles_none()
    {
        HoldMailboxRequests();
        GraphBatchItem[] items = GraphBatchItem.InOrder(Enumerable.Range(0, 6).Select(_ => new GraphBatchItem("GET", RulesOf(Adele))));

        IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(items, CancellationToken.None);

        Assert.Equal(items.Select(i => i.Id), results.Select(r => r.Id));
        Assert.DoesNotContain(results, r => r.Status == 429);
        Assert.Equal(0, ThrottledBySandbox());
        Assert.Equal(2, BatchesSent());
    }

    [Fact]
    public async Task Concurrent_batches_for_one_mailbox_share_its_four_places()
    {
        HoldMailboxRequests();
        GraphBatchItem[] Three(string user) => GraphBatchItem.InOrder(Enumerable.Range(0, 3).Select(_ => new GraphBatchItem("GET", RulesOf(user))));

        IReadOnlyList<GraphBatchResult>[] both = await Task.WhenAll(
            _connection.Batch.SendAsync(Three(Adele), CancellationToken.None),
            _connection.Batch.SendAsync(Three(Adele.ToUpperInvariant()), CancellationToken.None));

        Assert.All(both, results => Assert.Equal(3, results.Count));
        Assert.Equal(0, ThrottledBySandbox());
    }

    [Fact]
    public async Task Single_calls_to_one_mailbox_hold_a_place_until_their_answer()
    {
        HoldMailboxRequests();

        GraphCallAnswer[] answers = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => _connection.SendJsonAsync(HttpMethod.Get, RulesOf(Adele), null, CancellationToken.None)));

        Assert.DoesNotContain(answers, a => a.Status == 429);
        Assert.Equal(0, ThrottledBySandbox());
        Assert.Equal(0, _connection.Statistics.Throttled);
    }

    [Fact]
    public async Task Identity_protection_items_go_one_a_second_and_the_wait_is_counted()
    {
        string[] users = _sandbox.Tenant.Users.Take(3).Select(u => u.Id).ToArray();
        GraphBatchItem[] items = GraphBatchItem.InOrder(users.Select(id => new GraphBatchItem("GET", $"/identityProtection/riskyUsers/{id}")));

        IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(items, CancellationToken.None);

        Assert.DoesNotContain(results, r => r.Status == 429);
        Assert.Equal(0, ThrottledBySandbox());
        Assert.Equal(3, BatchesSent());
        Assert.True(_connection.Budgets.Waited(RequestClass.IdentityProtection) > TimeSpan.Zero, "Two of the three waited for their turn.");
    }

    [Fact]
    public async Task Identity_protection_single_calls_are_spaced_by_the_pipeline()
    {
        foreach (string id in _sandbox.Tenant.Users.Take(3).Select(u => u.Id))
        {
            GraphCallAnswer answer = await _connection.SendJsonAsync(HttpMethod.Get, $"/identityProtection/riskyUsers/{id}", null, CancellationToken.None);
            Assert.NotEqual(429, answer.Status);
        }

        Assert.Equal(0, ThrottledBySandbox());
    }

    [Fact]
    public async Task A_chain_goes_as_one_sequential_batch_in_dependency_order()
    {
        GraphBatchItem[] items = { Disable("b", Adele, "a"), Disable("a", Alex) };

        IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(items, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(204, r.Status));
        RequestLogEntry[] served = _sandbox.Requests.Snapshot().Where(e => e.BatchId is not null).ToArray();
        Assert.Equal(new[] { "a", "b" }, served.Select(e => e.BatchItemId));
        Assert.Single(served.Select(e => e.BatchId).Distinct());
    }

    [Fact]
    public async Task Dependent_of_an_item_that_failed_for_good_is_reported_424()
    {
        GraphBatchItem[] items = { Disable("a", "nobody@contoso.com"), Disable("b", Adele, "a") };

        IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(items, CancellationToken.None);

        Assert.Equal(404, results[0].Status);
        Assert.Equal(424, results[1].Status);
        Assert.True(_sandbox.Tenant.FindUser(Adele)!.AccountEnabled);
    }

    [Fact]
    public async Task Dependent_goes_again_with_the_throttled_item_it_waited_for()
    {
        _sandbox.Faults.Add(FaultRule.TooManyRequests("^/users/" + Regex.Escape(Alex) + "$", method: "PATCH", times: 1));
        GraphBatchItem[] items = { Disable("a", Alex), Disable("b", Adele, "a") };

        IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(items, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(204, r.Status));
        Assert.False(_sandbox.Tenant.FindUser(Adele)!.AccountEnabled);
        // The first batch: a throttled, b not run (424, which Graph answers without running it); the second: both.
        RequestLogEntry[] served = _sandbox.Requests.Snapshot().Where(e => e.BatchId is not null).ToArray();
        Assert.Equal(new[] { 429, 204 }, served.Where(e => e.BatchItemId == "a").Select(e => e.Status));
        Assert.Equal(new[] { 204 }, served.Where(e => e.BatchItemId == "b").Select(e => e.Status));
        Assert.Equal(2, BatchesSent());
    }

    [Fact]
    public async Task Lone_items_and_a_chain_in_one_call_go_as_batches_graph_accepts()
    {
        GraphBatchItem[] items =
        {
            new("1", "GET", $"/users/{Adele}?$select=id"),
            Disable("2", Alex),
            Disable("3", Adele, "2"),
            new("4", "GET", "/organization?$select=id"),
        };

        IReadOnlyList<GraphBatchResult> results = await _connection.Batch.SendAsync(items, CancellationToken.None);

        Assert.All(results, r => Assert.True(r.IsSuccess, $"{r.Id}: {r.Status} {r.Error.Message}"));
        Assert.Equal(2, BatchesSent());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("B")]
    [InlineData("b")]
    public async Task Dependency_on_no_other_item_of_the_call_is_refused_before_anything_is_sent(string dependency)
    {
        GraphBatchItem[] items = { Disable("a", Alex), Disable("b", Adele, dependency) };

        await Assert.ThrowsAsync<ArgumentException>(() => _connection.Batch.SendAsync(items, CancellationToken.None));

        Assert.Equal(0, BatchesSent());
    }

    [Fact]
    public async Task Two_items_depending_on_one_are_refused_as_graph_runs_only_chains()
    {
        GraphBatchItem[] items = { Disable("a", Alex), Disable("b", Adele, "a"), new("c", "GET", "/organization") { DependsOn = new[] { "a" } } };

        await Assert.ThrowsAsync<ArgumentException>(() => _connection.Batch.SendAsync(items, CancellationToken.None));
    }
}
