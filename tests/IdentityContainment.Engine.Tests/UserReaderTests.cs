using System.Collections.Concurrent;
using System.Security;
using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Sandbox;
using IdentityContainment.Users;
using Microsoft.Extensions.Time.Testing;

namespace IdentityContainment.Engine.Tests;

/// <summary>The gathered user reads against the sandbox over real HTTP.</summary>
public sealed class UserReaderTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private GraphConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { ScenarioObject = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 60 }) });
        _connection = await SandboxConnections.AsAutomationAppAsync(_sandbox);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task A_read_sent_when_the_input_ends_is_reported_to_the_work_that_asked_for_it()
    {
        // The worker asks while input still flows; the pipeline thread, which watches no Graph calls, then ends the
        // input and so sends the read. Its calls and retries belong to the worker's observer all the same (-Verbose).
        string[] users = _sandbox.Tenant.Users.Take(20).Select(u => u.UserPrincipalName).ToArray();
        FaultRule throttle = _sandbox.Faults.Add(FaultRule.TooManyRequests("^/users$", retryAfter: TimeSpan.FromMilliseconds(10), times: 1, method: "GET"));
        // A clock that stands still: the read cannot go out on a timer, only when the input ends.
        var reader = new UserReader(_connection, new FakeTimeProvider()) { InputFlowing = true };
        var worker = new RecordingObserver();

        Task<IReadOnlyList<UserLookup>> asked;
        using (reader.Join())
        {
            GraphActivity.Current = worker;
            asked = reader.LookUpAsync(users, CancellationToken.None);
            GraphActivity.Current = null;
            reader.InputFlowing = false;
            await asked.WaitAsync(TimeSpan.FromMinutes(1));
        }

        Assert.All(await asked, lookup => Assert.NotNull(lookup.User));
        Assert.Equal(1, throttle.Hits);
        Assert.Contains(worker.Calls, call => call.StartsWith("POST /$batch", StringComparison.Ordinal));
        Assert.Contains(worker.Retries, retry => retry.Contains("429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lookups_of_every_joined_worker_go_out_together_as_one_read()
    {
        // Two workers of one cmdlet, 45 users by id and by name. The reader's clock stands still, so none of its time
        // rules (a worker expected soon, a late worker) decides: the order of events alone does, whatever the load.
        UserRecord[] users = _sandbox.Tenant.Users.Take(45).ToArray();
        string[] asked = users.Select((u, i) => i % 2 == 0 ? u.Id : u.UserPrincipalName.ToUpperInvariant()).ToArray();
        var reader = new UserReader(_connection, new FakeTimeProvider()) { InputFlowing = true };
        _sandbox.Requests.Clear();

        Task<IReadOnlyList<UserLookup>> first, second;
        using (reader.Join())
        using (reader.Join())
        {
            first = reader.LookUpAsync(asked[..20], CancellationToken.None);
            Assert.Empty(_sandbox.Requests.Snapshot());
            second = reader.LookUpAsync(asked[20..], CancellationToken.None);
            reader.InputFlowing = false;
            await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(users.Select(u => u.Id), (await first).Concat(await second).Select(l => l.User!.Id));
        IReadOnlyList<RequestLogEntry> log = _sandbox.Requests.Snapshot();
        Assert.Equal(1, log.Count(e => e.Kind == RequestKind.Batch));
        // 23 object ids and 22 names: two queries of at most 15 each, per property.
        Assert.Equal(4, log.Count(e => e.Kind == RequestKind.Graph && e.BatchId is not null && e.Method == "GET" && e.Path.StartsWith("/users?", StringComparison.Ordinal)));
    }

    private sealed class RecordingObserver : IGraphActivityObserver
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public ConcurrentQueue<string> Retries { get; } = new();

        public void OnCall(GraphCallRecord call) => Calls.Enqueue($"{call.Method} {call.Path} {call.Status}");

        public void OnRetry(string method, string path, int status, TimeSpan delay, int nextAttempt, string? failure = null) =>
            Retries.Enqueue($"{method} {path} {status}");
    }
}
