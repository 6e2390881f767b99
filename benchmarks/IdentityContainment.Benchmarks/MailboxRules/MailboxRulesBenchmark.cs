using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.MassContainment;
using IdentityContainment.Benchmarks.Reporting;
using IdentityContainment.Benchmarks.Setup;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.MailboxRules;

/// <summary>
/// <c>mailbox</c>: the inbox rules of many mailboxes read through Graph with their folders resolved, by the engine's
/// reader and by a naive one-mailbox-at-a-time loop, on one sandbox with Graph-like latency and Outlook's limit of four
/// requests in flight per mailbox. Goals (issue 15): at least ten times faster, and no mailbox 429 at all.
/// </summary>
internal sealed class MailboxRulesBenchmark : IBenchmark
{
    private const int DefaultMailboxes = 1000;
    private const int DefaultRules = 10;
    private const double SpeedupGoal = 10;

    // The naive loop pays the latency for every request in turn: on 1,000 mailboxes it runs for minutes.
    private const int DefaultNaiveMailboxes = 100;

    public string Name => "mailbox";

    public string Summary => "inbox rules of many mailboxes with their folders, 50 ms latency, 4 in flight per mailbox, vs a naive loop";

    public string OptionsUsage =>
        $"[--mailboxes N (default {DefaultMailboxes})] [--rules N per mailbox (default {DefaultRules})] [--naive-mailboxes N (default {DefaultNaiveMailboxes}: the loop runs on N mailboxes and is scaled linearly)]";

    public async Task<int> RunAsync(CommandOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        int mailboxes = options.Integer("--mailboxes", DefaultMailboxes, minimum: 1);
        int rules = options.Integer("--rules", DefaultRules, minimum: 1);
        int naiveMailboxes = Math.Min(mailboxes, options.Integer("--naive-mailboxes", DefaultNaiveMailboxes, minimum: 1));
        options.RejectUnread();

        await using BenchmarkTenant tenant = await BenchmarkTenant.StartAsync(
            new SandboxOptions
            {
                ScenarioObject = ScenarioGenerator.Generate(GeneratedMailboxPresets.MailboxBenchmark() with { Users = mailboxes, Mailboxes = mailboxes, InboxRulesPerUser = rules }),
                Latency = MassSandbox.Latency,
                Throttling = new ThrottlingOptions(),
            },
            cancellationToken);
        ContainmentUser[] users = tenant.Sandbox.Tenant.Users
            .Where(u => tenant.Sandbox.Tenant.FindMailbox(u.Id) is not null)
            .Take(mailboxes)
            .Select(u => new ContainmentUser { Id = u.Id, UserPrincipalName = u.UserPrincipalName, Mail = u.Mail })
            .ToArray();
        output.WriteLine($"Mailbox rules: {users.Length} mailboxes x {rules} inbox rules, read through Graph with their folders");
        output.WriteLine($"  sandbox  generated tenant, {MassSandbox.Latency.TotalMilliseconds:0} ms per request, {tenant.Sandbox.Throttling.OutlookConcurrentRequestsPerMailbox} requests in flight per mailbox");
        output.WriteLine($"  machine  {Environment.ProcessorCount} logical cores shared by the sandbox, the reader and anything else running");
        output.WriteLine();

        string token = tenant.IssueAutomationToken();
        tenant.Sandbox.Requests.Clear();
        output.WriteLine("  engine   running...");
        EngineMailboxRead.Result engine = await EngineMailboxRead.RunAsync(tenant.GraphEndpoint, token, users, cancellationToken);
        GraphTraffic engineTraffic = GraphTraffic.From(tenant.Sandbox.Requests);
        int engineMailbox429 = Mailbox429s(tenant.Sandbox.Requests);
        output.WriteLine($"  engine   done in {engine.Wall.TotalSeconds:0.00} s");

        tenant.Sandbox.Requests.Clear();
        string[] naiveIds = users.Take(naiveMailboxes).Select(u => u.Id).ToArray();
        output.WriteLine($"  naive    running on {naiveIds.Length} mailboxes...");
        NaiveMailboxLoop.Result naive = await NaiveMailboxLoop.RunAsync(tenant.GraphEndpoint, token, naiveIds, cancellationToken);
        GraphTraffic naiveTraffic = GraphTraffic.From(tenant.Sandbox.Requests);
        output.WriteLine($"  naive    done in {naive.Wall.TotalSeconds:0.00} s");
        output.WriteLine();

        double scale = (double)users.Length / naiveIds.Length;
        double naiveWall = naive.Wall.TotalMilliseconds * scale;
        double speedup = naiveWall / Math.Max(1, engine.Wall.TotalMilliseconds);
        var table = new TextTable("", "engine reader", naiveIds.Length == users.Length ? "naive loop" : $"naive loop (x{scale:0.##} from {naiveIds.Length})");
        table.AddRow("wall time", Units.Seconds(engine.Wall.TotalMilliseconds), Units.Seconds(naiveWall));
        table.AddRow("first rule", Units.Seconds(engine.FirstRule.TotalMilliseconds), "");
        table.AddRow("HTTP requests", Units.Count(engineTraffic.HttpRequests), Units.Count((int)(naiveTraffic.HttpRequests * scale)));
        table.AddRow("Graph requests", Units.Count(engineTraffic.Operations), Units.Count((int)(naiveTraffic.Operations * scale)));
        table.AddRow("rules read", Units.Count(engine.Rules), Units.Count((int)(naive.Rules * scale)));
        table.AddRow("rule folders named", Units.Count(engine.FoldersNamed), Units.Count((int)(naive.FoldersNamed * scale)));
        table.AddRow("429s (mailbox)", $"{Units.Count(engineTraffic.TooManyRequests)} ({engineMailbox429})", Units.Count(naive.TooManyRequests));
        table.AddRow("errors / warnings", $"{engine.Errors} / {engine.Warnings}", Units.Count(naive.FailedCalls));
        table.WriteTo(output);
        output.WriteLine();

        bool faster = speedup >= SpeedupGoal;
        bool unthrottled = engineMailbox429 == 0;
        bool complete = engine.Rules == users.Length * rules && engine.Errors == 0;
        output.WriteLine($"  goal  at least {SpeedupGoal:0}x faster than the naive loop: {Units.Ratio(speedup)}x  {Goal.VerdictOf(faster)}");
        output.WriteLine($"  goal  no mailbox-concurrency 429: {engineMailbox429}  {Goal.VerdictOf(unthrottled)}");
        output.WriteLine($"  check every rule of every mailbox read, no error: {engine.Rules} of {users.Length * rules}  {Goal.VerdictOf(complete)}");
        if (engineTraffic.LogOverflowed)
        {
            output.WriteLine("  note  the sandbox's request log overflowed: the engine's request counts are too low.");
        }

        return faster && unthrottled && complete ? BenchmarkExitCode.GoalsMet : BenchmarkExitCode.GoalMissed;
    }

    /// <summary>429s the sandbox gave for Outlook's per-mailbox limit: requests below /users/{id}/ that it throttled.</summary>
    private static int Mailbox429s(RequestLog log) =>
        log.Snapshot().Count(e => e.Kind == RequestKind.Graph && e.Status == 429 && e.Path.StartsWith("/users/", StringComparison.OrdinalIgnoreCase) && e.Path.Contains("/mail", StringComparison.OrdinalIgnoreCase));
}
