using IdentityContainment.Connection;
using IdentityContainment.Sandbox;
using IdentityContainment.SignIns;
using static IdentityContainment.Engine.Tests.SignIns.SignInReaderTests;

namespace IdentityContainment.Engine.Tests.SignIns;

/// <summary>
/// The hunt left to choose its query shape, against the sandbox's log: the shape it takes, the requests the log saw,
/// and every user's whole window either way. The logs' budget is scaled down alike in the sandbox and the connection
/// (5 requests per 200 ms), so the tests read many pages quickly and still inside the budget.
/// </summary>
public sealed class SignInQueryShapeChoiceTests
{
    private static readonly TimeSpan LogsWindow = TimeSpan.FromMilliseconds(200);
    private static readonly SignInWindow Window = SignInWindow.For(Now.AddDays(-7), Now, Now);

    [Fact]
    public async Task Many_quiet_users_whose_whole_log_fits_on_one_page_cost_that_one_request()
    {
        Scenario scenario = Tenant(users: 25, out string[] ids);
        string[] asked = ids.Take(20).ToArray();
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = scenario with { SignIns = ids.SelectMany(id => Log(id, count: 3, first: Window.Start.AddHours(1))).ToArray() },
        });
        using GraphConnection connection = await SandboxConnections.WithLogsWindowAsync(sandbox, LogsWindow);
        sandbox.Requests.Clear();

        (SignInQueryChoice choice, List<UserSignInVerdict> verdicts) = await HuntAsync(connection, asked);

        Assert.Equal(SignInQueryShape.TimeRange, choice.Shape);
        Assert.Equal(1, LogRequests(sandbox));
        Assert.Equal(asked.Order(), verdicts.Select(v => v.User.Id).Order());
        Assert.All(verdicts, v => Assert.Equal(3, v.Findings.Count));
    }

    /// <summary>
    /// Twelve users with four sign-ins between them in a log of 20,000 (four busy users): the log's 21 days are 21 pages,
    /// a query each costs 12 requests after the probe page.
    /// </summary>
    [Fact]
    public async Task A_few_users_of_a_busy_log_are_read_with_a_query_each_after_the_probe_page()
    {
        Scenario scenario = Tenant(users: 16, out string[] ids);
        string[] asked = ids.Take(12).ToArray();
        SignInRecord[] busy = ids.Skip(12).SelectMany(id => Log(id, count: 5_000, first: Window.ReadFrom.AddMinutes(1), apart: TimeSpan.FromMinutes(6))).ToArray();
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = scenario with { SignIns = asked.SelectMany(id => Log(id, count: 2, first: Window.Start.AddHours(1))).Concat(busy).ToArray() },
        });
        using GraphConnection connection = await SandboxConnections.WithLogsWindowAsync(sandbox, LogsWindow);
        sandbox.Requests.Clear();

        (SignInQueryChoice choice, List<UserSignInVerdict> verdicts) = await HuntAsync(connection, asked);

        Assert.Equal(SignInQueryShape.PerUser, choice.Shape);
        Assert.True(choice.TimeRangeRequests > choice.PerUserRequests, choice.Reason);
        Assert.Equal(1 + 12, LogRequests(sandbox));
        Assert.All(verdicts, v => Assert.Equal(2, v.Findings.Count));
    }

    /// <summary>
    /// Twelve users who are the whole log, 300 sign-ins each: four pages of the time range, against 12 queries. After the
    /// probe page the rest is read in time slices at once; they meet the probe page and each other at whole seconds, and
    /// no sign-in comes out twice.
    /// </summary>
    [Fact]
    public async Task Users_who_are_the_whole_log_are_read_by_time_range_going_on_from_the_probe_page()
    {
        Scenario scenario = Tenant(users: 12, out string[] ids);
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = scenario with { SignIns = ids.SelectMany(id => Log(id, count: 300, first: Window.Start.AddHours(1))).ToArray() },
        });
        using GraphConnection connection = await SandboxConnections.WithLogsWindowAsync(sandbox, LogsWindow);
        sandbox.Requests.Clear();

        (SignInQueryChoice choice, List<UserSignInVerdict> verdicts) = await HuntAsync(connection, ids);

        Assert.Equal(SignInQueryShape.TimeRange, choice.Shape);
        Assert.True(choice.Slices > 1, choice.Reason);
        Assert.InRange(LogRequests(sandbox), 4, choice.TimeRangeRequests!.Value);
        Assert.True(LogRequests(sandbox) < 12, "fewer requests than a query per user");
        Assert.Equal(12, verdicts.Count);
        Assert.All(verdicts, v => Assert.Equal(300, v.Findings.Select(f => f.SignInId).Distinct().Count()));
        Assert.All(verdicts, v => Assert.Equal(300, v.Findings.Count));
    }

    [Fact]
    public async Task A_tenant_without_the_licence_refuses_the_probe_and_every_user_gets_the_licence_error_with_no_request_more()
    {
        Scenario scenario = Tenant(users: 10, out string[] ids);
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ScenarioObject = scenario with { Tenant = scenario.Tenant with { HasEntraIdPremium = false } },
        });
        using GraphConnection connection = await SandboxConnections.WithLogsWindowAsync(sandbox, LogsWindow);
        sandbox.Requests.Clear();

        (_, List<UserSignInVerdict> verdicts) = await HuntAsync(connection, ids);

        Assert.Equal(1, LogRequests(sandbox));
        Assert.All(verdicts, v => Assert.Equal("SignInLogNeedsPremiumLicence", v.Error?.ErrorId));
        Assert.All(verdicts, v => Assert.Contains(v.User.Id, v.Error!.Message));
    }

    private static async Task<(SignInQueryChoice Choice, List<UserSignInVerdict> Verdicts)> HuntAsync(GraphConnection connection, IEnumerable<string> userIds)
    {
        SignInQueryChoice? chosen = null;
        var options = new SignInHuntOptions { IncludeNonSuspicious = true, ShapeChosen = c => chosen = c };
        var verdicts = new List<UserSignInVerdict>();
        await foreach (UserSignInVerdict verdict in SignInHunt.JudgeEachAsync(connection, userIds.Select(id => new ContainmentUser { Id = id }).ToArray(), Window, CancellationToken.None, options))
        {
            verdicts.Add(verdict);
        }

        return (Assert.IsType<SignInQueryChoice>(chosen), verdicts);
    }

    /// <summary>
    /// The log requests Graph answered: a 429 the engine retried is not a page the shape cost (on a loaded machine a
    /// request sent inside the engine's scaled 200 ms window can land in the sandbox's next one).
    /// </summary>
    private static int LogRequests(SandboxServer sandbox) =>
        sandbox.Requests.Snapshot().Count(r => r.Path.StartsWith("/auditLogs/signIns", StringComparison.Ordinal) && r.Status != 429);
}
