using IdentityContainment.Connection;
using IdentityContainment.Detection.SignIns;
using IdentityContainment.Errors;
using IdentityContainment.Graph.Budgets;
using IdentityContainment.Sandbox;
using IdentityContainment.SignIns;

namespace IdentityContainment.Engine.Tests.SignIns;

/// <summary>
/// The sign-in reader against the sandbox over real HTTP: a generated tenant whose users' sign-in logs the test writes,
/// with the sandbox holding Graph's limits (pages, the reports budget of 5 requests per 10 s, the licence).
/// </summary>
public sealed class SignInReaderTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset From = Now.AddDays(-7);

    [Fact]
    public async Task One_users_window_is_read_page_by_page_and_holds_only_that_user_and_window()
    {
        Scenario scenario = Tenant(users: 2, out string[] ids);
        SignInRecord[] mine = Log(ids[0], count: 5, first: From.AddHours(1))
            .Append(Record(ids[0], "before-window", From.AddMinutes(-1)))
            .Append(Record(ids[0], "after-window", Now.AddMinutes(1)))
            .ToArray();
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = scenario with { SignIns = mine.Concat(Log(ids[1], count: 3, first: From.AddHours(2))).ToArray() },
            Paging = { MaxPageSize = 2 },
        });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox);
        sandbox.Requests.Clear();

        UserSignIns read = await SignInReader.ReadAsync(connection, ids[0], From, Now, CancellationToken.None);

        Assert.True(read.IsComplete, read.Error?.Message);
        Assert.Equal(mine.Take(5).Select(s => s.Id).Reverse(), read.SignIns.Select(s => s.Id));
        Assert.All(read.SignIns, s => Assert.Equal(ids[0], s.UserId));
        Assert.Equal(3, read.Pages);
        Assert.Equal(3, sandbox.Requests.Snapshot().Count(r => r.Path.StartsWith("/auditLogs/signIns", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_tenant_without_Entra_ID_P1_gets_an_error_that_says_so()
    {
        Scenario scenario = Tenant(users: 1, out string[] ids);
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = scenario with { Tenant = scenario.Tenant with { HasEntraIdPremium = false }, SignIns = Log(ids[0], 2, From.AddHours(1)).ToArray() },
        });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox);

        UserSignIns read = await SignInReader.ReadAsync(connection, ids[0], From, Now, CancellationToken.None);

        ContainmentException error = Assert.IsType<ContainmentException>(read.Error);
        Assert.Equal("SignInLogNeedsPremiumLicence", error.ErrorId);
        Assert.Equal(ContainmentErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Entra ID P1 or P2", error.Message);
        Assert.Empty(read.SignIns);
    }

    [Fact]
    public async Task A_connection_without_AuditLog_Read_All_gets_an_error_naming_the_permission_and_the_licence()
    {
        Scenario scenario = Tenant(users: 1, out string[] ids);
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { ScenarioObject = scenario with { SignIns = Log(ids[0], 2, From.AddHours(1)).ToArray() } });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox, null, "User.Read.All");

        UserSignIns read = await SignInReader.ReadAsync(connection, ids[0], From, Now, CancellationToken.None);

        ContainmentException error = Assert.IsType<ContainmentException>(read.Error);
        Assert.Equal("SignInLogAccessDenied", error.ErrorId);
        Assert.Contains("AuditLog.Read.All", error.Message);
        Assert.Contains("Entra ID P1 or P2", error.Message);
    }

    [Fact]
    public async Task A_user_principal_name_is_refused_before_any_request_as_the_log_filters_by_object_id()
    {
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { ScenarioObject = Tenant(users: 1, out _) });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox);
        sandbox.Requests.Clear();

        UserSignIns read = await SignInReader.ReadAsync(connection, "adele@contoso.com", From, Now, CancellationToken.None);

        Assert.Equal("SignInUserIdNotObjectId", read.Error?.ErrorId);
        Assert.Equal(0, sandbox.Requests.Count);
    }

    /// <summary>
    /// Seven users, one page each, and a name that is no object id: seven requests, two more than the log's budget admits
    /// in 10 s. The reader waits for the budget instead of drawing Graph's 429, and the bad name is its own error.
    /// </summary>
    [Fact]
    public async Task Many_users_are_read_inside_the_logs_budget_and_one_bad_user_does_not_stop_the_rest()
    {
        Scenario scenario = Tenant(users: 7, out string[] ids);
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = scenario with { SignIns = ids.SelectMany((id, i) => Log(id, count: i + 1, first: From.AddHours(1))).ToArray() },
        });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox);
        sandbox.Requests.Clear();

        var results = new List<UserSignIns>();
        await foreach (UserSignIns read in SignInReader.ReadEachAsync(connection, ids.Append("not-a-user"), From, Now, CancellationToken.None))
        {
            results.Add(read);
        }

        Assert.Equal(8, results.Count);
        Assert.Equal("SignInUserIdNotObjectId", results.Single(r => !r.IsComplete).Error!.ErrorId);
        foreach ((string id, int i) in ids.Select((id, i) => (id, i)))
        {
            Assert.Equal(i + 1, results.Single(r => r.UserId == id).SignIns.Count);
        }

        Assert.DoesNotContain(sandbox.Requests.Snapshot(), r => r.Status == 429);
        Assert.Equal(7, sandbox.Requests.Snapshot().Count(r => r.Path.StartsWith("/auditLogs/signIns", StringComparison.Ordinal)));
        Assert.True(connection.Budgets.Waited(RequestClass.AuditLogs) > TimeSpan.Zero, "The sixth request should have waited for the log's budget.");
    }

    /// <summary>
    /// The query shape's cost: per user, one request per 1,000 sign-ins and one for a user with fewer. Graph documents
    /// only `eq` on userId (CONTRACT §9), so no query for several users exists; this is what the per-user shape costs.
    /// </summary>
    [Fact]
    public async Task Per_user_queries_cost_one_request_per_thousand_sign_ins_and_one_for_a_quiet_user()
    {
        Scenario scenario = Tenant(users: 3, out string[] ids);
        SignInRecord[] log = Log(ids[0], count: 2_500, first: From.AddMinutes(1), apart: TimeSpan.FromMinutes(2))
            .Concat(Log(ids[1], count: 1_000, first: From.AddMinutes(1), apart: TimeSpan.FromMinutes(5)))
            .Concat(Log(ids[2], count: 3, first: From.AddHours(1)))
            .ToArray();
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { ScenarioObject = scenario with { SignIns = log } });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox);
        sandbox.Requests.Clear();

        var pages = new Dictionary<string, int>();
        await foreach (UserSignIns read in SignInReader.ReadEachAsync(connection, ids, From, Now, CancellationToken.None))
        {
            Assert.True(read.IsComplete, read.Error?.Message);
            pages[read.UserId] = read.Pages;
        }

        Assert.Equal(new[] { 3, 1, 1 }, ids.Select(id => pages[id]));
        Assert.Equal(5, sandbox.Requests.Snapshot().Count(r => r.Path.StartsWith("/auditLogs/signIns", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Twenty users who each signed in three times: a query per user costs 20 requests (four budget windows of 10 s), the
    /// one query over the time range costs one, and each user still gets exactly their own sign-ins.
    /// </summary>
    [Fact]
    public async Task For_many_quiet_users_one_query_over_the_time_range_costs_one_request_instead_of_one_per_user()
    {
        Scenario scenario = Tenant(users: 25, out string[] ids);
        string[] asked = ids.Take(20).ToArray();
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = scenario with { SignIns = ids.SelectMany(id => Log(id, count: 3, first: From.AddHours(1))).ToArray() },
        });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox);
        sandbox.Requests.Clear();

        IReadOnlyList<UserSignIns> results = await SignInReader.ReadWindowAsync(connection, asked.Append("not-a-user"), From, Now, CancellationToken.None);

        Assert.Equal(1, sandbox.Requests.Snapshot().Count(r => r.Path.StartsWith("/auditLogs/signIns", StringComparison.Ordinal)));
        Assert.Equal(21, results.Count);
        Assert.Equal("SignInUserIdNotObjectId", results.Single(r => r.UserId == "not-a-user").Error!.ErrorId);
        foreach (string id in asked)
        {
            UserSignIns theirs = results.Single(r => r.UserId == id);
            Assert.True(theirs.IsComplete, theirs.Error?.Message);
            Assert.Equal(3, theirs.SignIns.Count);
            Assert.All(theirs.SignIns, s => Assert.Equal(id, s.UserId));
        }
    }

    /// <summary>
    /// The time range read in five slices at once: every sign-in comes out once, those on the seconds where two slices
    /// meet included, and each slice is a query of its own.
    /// </summary>
    [Fact]
    public async Task A_time_range_read_in_slices_gives_every_sign_in_once_those_on_a_boundary_too()
    {
        Scenario scenario = Tenant(users: 2, out string[] ids);
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset Until)> slices = SignInReader.Slices(From, Now, 5);
        SignInRecord[] log = Log(ids[0], count: 500, first: From, apart: TimeSpan.FromMinutes(20))
            .Concat(slices.Skip(1).Select((s, i) => Record(ids[1], $"boundary-{i}", s.From)))
            .ToArray();
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { ScenarioObject = scenario with { SignIns = log } });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox);
        sandbox.Requests.Clear();

        IReadOnlyList<UserSignIns> results = await SignInReader.ReadWindowAsync(connection, ids, From, Now, CancellationToken.None, slices: 5);

        Assert.Equal(5, slices.Count);
        Assert.Equal(500, results.Single(r => r.UserId == ids[0]).SignIns.Select(s => s.Id).Distinct().Count());
        Assert.Equal(500, results.Single(r => r.UserId == ids[0]).SignIns.Count);
        Assert.Equal(4, results.Single(r => r.UserId == ids[1]).SignIns.Count);
        Assert.Equal(5, sandbox.Requests.Snapshot().Count(r => r.Path.StartsWith("/auditLogs/signIns", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refused_time_range_query_is_every_asked_users_error()
    {
        Scenario scenario = Tenant(users: 2, out string[] ids);
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = scenario with { Tenant = scenario.Tenant with { HasEntraIdPremium = false } },
        });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox);

        IReadOnlyList<UserSignIns> results = await SignInReader.ReadWindowAsync(connection, ids, From, Now, CancellationToken.None);

        Assert.All(results, r => Assert.Equal("SignInLogNeedsPremiumLicence", r.Error?.ErrorId));
    }

    [Fact]
    public async Task What_is_read_is_judged_the_London_to_New_York_trip_in_40_minutes_is_High()
    {
        Scenario scenario = Tenant(users: 1, out string[] ids);
        DateTimeOffset windowStart = Now.AddDays(-2);
        SignInRecord[] log =
        {
            Record(ids[0], "usual-1", windowStart.AddDays(-3)) with { Location = London },
            Record(ids[0], "usual-2", windowStart.AddHours(10)) with { Location = London },
            Record(ids[0], "travelled", windowStart.AddHours(10).AddMinutes(40)) with { Location = NewYork, IpAddress = "198.51.100.7" },
        };
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { ScenarioObject = scenario with { SignIns = log } });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox);

        UserSignIns read = await SignInReader.ReadAsync(connection, ids[0], From, Now, CancellationToken.None);
        SignInFinding[] findings = SignInJudge.Judge(read.ToHistory(windowStart)).ToArray();

        SignInFinding travel = Assert.Single(findings);
        Assert.Equal("travelled", travel.SignInId);
        Assert.Equal("High", travel.RiskLevel);
        Assert.Contains("ImpossibleTravel", travel.ReasonCodes);
        Assert.Equal("New York, US", travel.Location);
    }

    private static readonly SignInLocation London = new() { City = "London", CountryOrRegion = "GB", GeoCoordinates = new GeoCoordinates { Latitude = 51.5074, Longitude = -0.1278 } };
    private static readonly SignInLocation NewYork = new() { City = "New York", CountryOrRegion = "US", GeoCoordinates = new GeoCoordinates { Latitude = 40.7128, Longitude = -74.0060 } };

    /// <summary>A generated tenant (no attack of its own) and the ids of its first <paramref name="users"/> ordinary users.</summary>
    internal static Scenario Tenant(int users, out string[] ids)
    {
        Scenario scenario = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = users, CompromisedUsers = 0, Now = Now });
        ids = scenario.Users.Where(u => !u.IsGuest).Select(u => u.Id).Take(users).ToArray();
        return scenario with { SignIns = Array.Empty<SignInRecord>() };
    }

    internal static IEnumerable<SignInRecord> Log(string userId, int count, DateTimeOffset first, TimeSpan? apart = null) =>
        Enumerable.Range(0, count).Select(i => Record(userId, $"{userId}-{i:D5}", first + TimeSpan.FromTicks((apart ?? TimeSpan.FromMinutes(10)).Ticks * i)));

    private static SignInRecord Record(string userId, string id, DateTimeOffset at) => new()
    {
        Id = id,
        CreatedDateTime = at,
        UserId = userId,
        IpAddress = "81.2.69.160",
        AppDisplayName = "Microsoft Teams",
        AppId = "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
        ClientAppUsed = "Mobile Apps and Desktop clients",
        DeviceDetail = new SignInDeviceDetail { DeviceId = "d1e2f3a4-0000-4000-8000-00000000aaaa", OperatingSystem = "Windows 10" },
        Location = London,
    };
}
