using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Containment;
using IdentityContainment.Errors;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests;

/// <summary>The paged readers against the sandbox over real HTTP: many lists through batches, one list through single calls.</summary>
public sealed class PagedReaderTests : IAsyncLifetime
{
    private static readonly RetryPolicy FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(20), MaxAttempts = 3 };
    private static readonly DateTimeOffset CompromiseBegan = DateTimeOffset.UtcNow.AddDays(-2);

    private SandboxServer _sandbox = null!;
    private GraphConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 50 }),
        });
        _connection = await SandboxConnections.AsAutomationAppAsync(_sandbox, FastRetries);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task A_list_of_five_pages_is_read_whole_with_a_page_size_of_two()
    {
        string user = _sandbox.Tenant.Users[0].Id;
        string[] devices = RegisterDevices(user, 10);
        _sandbox.Paging.MaxPageSize = 2;

        List<ListPage<string>> pages = await ReadAsync(new ListRead<string>(user, DevicesOf(user)));

        Assert.Equal([1, 2, 3, 4, 5], pages.Select(p => p.Number));
        Assert.All(pages.Take(4), p => Assert.Null(p.Outcome));
        ListOutcome outcome = pages[^1].Outcome!;
        Assert.True(outcome.IsComplete, outcome.ToString());
        Assert.Equal(5, outcome.PagesRead);
        Assert.Equal(devices.Order(), pages.SelectMany(p => p.Items).Select(d => GraphJson.Text(d, "id")!).Order());
    }

    [Fact]
    public async Task Many_one_page_lists_share_batches_of_twenty()
    {
        string[] users = _sandbox.Tenant.Users.Take(45).Select(u => u.Id).ToArray();
        RegisterDevices(users[7], 1);

        List<ListPage<string>> pages = await ReadAsync(users.Select(u => new ListRead<string>(u, DevicesOf(u))).ToArray());

        Assert.Equal(users.Order(), pages.Select(p => p.List).Order());
        Assert.All(pages, p => Assert.True(p.Outcome?.IsComplete, $"{p.List}: {p.Outcome}"));
        Assert.Single(pages.Single(p => p.List == users[7]).Items);
        Assert.Equal(3, _sandbox.Requests.Snapshot().Count(r => r.Kind == RequestKind.Batch));
    }

    [Fact]
    public async Task Later_pages_of_many_lists_travel_together_in_shared_batches()
    {
        // 30 lists of 3 pages: 90 page reads. Sent one list at a time they would take 90 items in 90 round trips; shared,
        // they fill batches of 20 (first pages 30 = 2 batches, then each batch's next pages join the waiting ones).
        string[] users = _sandbox.Tenant.Users.Take(30).Select(u => u.Id).ToArray();
        foreach (string user in users)
        {
            RegisterDevices(user, 3);
        }

        _sandbox.Paging.MaxPageSize = 1;

        List<ListPage<string>> pages = await ReadAsync(users.Select(u => new ListRead<string>(u, DevicesOf(u))).ToArray());

        Assert.Equal(90, pages.Count);
        Assert.All(pages.Where(p => p.IsLast), p => Assert.Equal(3, p.Outcome!.PagesRead));
        int batches = _sandbox.Requests.Snapshot().Count(r => r.Kind == RequestKind.Batch);
        Assert.InRange(batches, 5, 8);
    }

    [Fact]
    public async Task The_first_pages_items_are_handed_over_before_the_last_page_is_asked_for()
    {
        string user = _sandbox.Tenant.Users[0].Id;
        RegisterDevices(user, 10);
        _sandbox.Paging.MaxPageSize = 2;
        int? servedAtFirstItems = null;

        await foreach (ListPage<string> page in _connection.Batch.ReadListsAsync([new ListRead<string>(user, DevicesOf(user))], CancellationToken.None))
        {
            servedAtFirstItems ??= DevicePagesServed(user);
        }

        // The reader asks for page 2 before it hands page 1 over, and for page 3 only when the caller comes back.
        Assert.InRange(servedAtFirstItems!.Value, 1, 2);
        Assert.Equal(5, DevicePagesServed(user));
    }

    [Fact]
    public async Task A_page_failing_mid_list_ends_the_list_failed_at_that_page_with_the_items_so_far_partial()
    {
        string broken = _sandbox.Tenant.Users[0].Id;
        string healthy = _sandbox.Tenant.Users[1].Id;
        RegisterDevices(broken, 5);
        RegisterDevices(healthy, 5);
        _sandbox.Paging.MaxPageSize = 2;
        _sandbox.Faults.Add(new FaultRule(FaultAction.InternalServerError, $"^/users/{broken}/registeredDevices$", method: "GET", queryPattern: "skiptoken="));

        IReadOnlyList<WholeList<string>> lists = await _connection.Batch.ReadWholeListsAsync(
            [new ListRead<string>(broken, DevicesOf(broken)), new ListRead<string>(healthy, DevicesOf(healthy))], CancellationToken.None);

        WholeList<string> partial = lists[0];
        Assert.False(partial.IsComplete);
        Assert.Equal(2, partial.Outcome.FailedAtPage);
        Assert.Equal(500, partial.Outcome.Error!.Status);
        Assert.Equal(2, partial.Items.Count);
        Assert.True(lists[1].IsComplete, lists[1].Outcome.ToString());
        Assert.Equal(5, lists[1].Items.Count);
    }

    [Fact]
    public async Task Devices_are_not_disabled_from_a_partial_list()
    {
        var user = new ContainmentUser { Id = _sandbox.Tenant.Users[0].Id, UserPrincipalName = _sandbox.Tenant.Users[0].UserPrincipalName };
        string[] devices = RegisterDevices(user.Id, 3);
        _sandbox.Paging.MaxPageSize = 2;
        _sandbox.Faults.Add(new FaultRule(FaultAction.InternalServerError, $"^/users/{user.Id}/registeredDevices$", method: "GET", queryPattern: "skiptoken="));
        var results = new RecordingSink<ContainmentAction>();

        await new DeviceDisabler(_connection).DisableAsync([user], CompromiseBegan, results, CancellationToken.None);

        // The first page's two attacker devices were in hand, but the list was not whole: nothing is decided from it.
        Assert.Empty(results.Succeeded);
        Assert.Equal("GraphServiceError", Assert.Single(results.Failed).ErrorId);
        Assert.All(devices, id => Assert.True(_sandbox.Tenant.Devices.Single(d => d.Id == id).AccountEnabled));
    }

    [Fact]
    public async Task A_tenant_wide_list_follows_the_next_link_whole_and_keeps_its_select()
    {
        _sandbox.Paging.MaxPageSize = 12;

        List<ListPage<ListRequest>> pages = await ReadAsync(ListRequest.For("/users", "id,displayName"));

        Assert.Equal([1, 2, 3, 4, 5], pages.Select(p => p.Number));
        Assert.True(pages[^1].Outcome!.IsComplete);
        List<JsonNode> users = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(_sandbox.Tenant.Users.Select(u => u.Id).Order(), users.Select(u => GraphJson.Text(u, "id")!).Order());
        Assert.All(users, u => Assert.Null(GraphJson.Text(u, "userPrincipalName")));
        List<RequestLogEntry> calls = _sandbox.Requests.Snapshot().Where(r => r.Kind == RequestKind.Graph && r.Path.StartsWith("/users?", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, calls.Count);
        Assert.All(calls, c => Assert.Contains("$select=id,displayName", c.Path, StringComparison.Ordinal));
        Assert.All(calls.Skip(1), c => Assert.Contains("$skiptoken=", c.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_consistency_level_header_goes_with_every_page()
    {
        _sandbox.Paging.MaxPageSize = 20;

        List<ListPage<ListRequest>> pages = await ReadAsync(ListRequest.For("/users", "id").AsAdvancedQuery());

        Assert.Equal(3, pages.Count);
        List<RequestLogEntry> calls = _sandbox.Requests.Snapshot().Where(r => r.Kind == RequestKind.Graph && r.Path.StartsWith("/users?", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal("eventual", c.ConsistencyLevel));
    }

    [Fact]
    public async Task A_next_link_off_the_connections_graph_is_not_followed()
    {
        // The sandbox writes its next links for the host the request named, as a service behind a front door would;
        // naming another host makes it hand back a link that leads off the connection's Graph.
        _sandbox.Paging.MaxPageSize = 10;
        ListRequest request = ListRequest.For("/users", "id").WithHeader("Host", $"graph.elsewhere.example:{_sandbox.GraphEndpoint.Port}");

        List<ListPage<ListRequest>> pages = await ReadAsync(request);

        ListPage<ListRequest> only = Assert.Single(pages);
        Assert.Equal(10, only.Items.Count);
        Assert.False(only.Outcome!.IsComplete);
        Assert.Equal(2, only.Outcome.FailedAtPage);
        Assert.Equal("UnexpectedNextLink", only.Outcome.Error!.Code);
        Assert.Single(_sandbox.Requests.Snapshot(), r => r.Kind == RequestKind.Graph && r.Path.StartsWith("/users?", StringComparison.Ordinal));
    }

    private static string DevicesOf(string user) => ListRequest.For($"/users/{user}/registeredDevices", "id,registrationDateTime,accountEnabled").Url;

    private string[] RegisterDevices(string user, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            string id = Guid.NewGuid().ToString();
            _sandbox.Tenant.AddDevice(new DeviceRecord
            {
                Id = id,
                DeviceId = Guid.NewGuid().ToString(),
                DisplayName = $"Device {i}",
                OperatingSystem = "Windows",
                RegistrationDateTime = DateTimeOffset.UtcNow.AddHours(-1),
                RegisteredUsers = [user],
                RegisteredOwners = [user],
            });
            return id;
        }).ToArray();

    private int DevicePagesServed(string user) =>
        _sandbox.Requests.Snapshot().Count(r => r.Kind == RequestKind.Graph && r.Path.StartsWith($"/users/{user}/registeredDevices", StringComparison.Ordinal));

    private async Task<List<ListPage<string>>> ReadAsync(params ListRead<string>[] lists)
    {
        var pages = new List<ListPage<string>>();
        await foreach (ListPage<string> page in _connection.Batch.ReadListsAsync(lists, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }

    private async Task<List<ListPage<ListRequest>>> ReadAsync(ListRequest request)
    {
        var pages = new List<ListPage<ListRequest>>();
        await foreach (ListPage<ListRequest> page in _connection.ReadListAsync(request, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }

    private sealed class RecordingSink<T> : IResultSink<T>
    {
        public List<T> Succeeded { get; } = new();

        public List<ContainmentException> Failed { get; } = new();

        void IResultSink<T>.Succeeded(T result) => Succeeded.Add(result);

        void IResultSink<T>.Failed(ContainmentException error) => Failed.Add(error);

        public void Warn(string message)
        {
        }
    }
}
