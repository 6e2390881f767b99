using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

public sealed class RevokeRequestBudgetTests : IClassFixture<LargeTenantFixture>
{
    private readonly LargeTenantFixture _fixture;

    public RevokeRequestBudgetTests(LargeTenantFixture fixture) => _fixture = fixture;

    [Fact]
    public void Six_hundred_users_cost_a_batch_per_twenty_revocations_and_gathered_reads_of_each_user_once()
    {
        SandboxServer sandbox = _fixture.Sandbox;
        UserRecord[] users = sandbox.Tenant.Users.ToArray();
        using HostedPowerShell shell = _fixture.ConnectedShell();
        sandbox.Requests.Clear();

        // Stamp each action as it reaches the next command: streaming means the first arrive before the last batch is sent.
        ScriptResult result = shell.Run(
            "param($Users) $Users | Revoke-CompromisedSession -WarningAction SilentlyContinue | ForEach-Object { [pscustomobject]@{ Action = $_; ArrivedAt = [DateTimeOffset]::UtcNow } }",
            Parameters.Of(("Users", users.Select(u => u.UserPrincipalName).ToArray())));

        Assert.Empty(result.Errors);
        var arrivals = result.Output.Select(o => (dynamic)o).ToList();
        Assert.Equal(users.Length, arrivals.Select(a => (string)a.Action.UserId).Distinct().Count());
        foreach (dynamic arrival in arrivals)
        {
            // The evidence is what Graph holds now, not an echo of the request.
            Assert.Equal(sandbox.Tenant.FindUser((string)arrival.Action.UserId)!.SignInSessionsValidFromDateTime, (DateTimeOffset?)arrival.Action.SignInSessionsValidFromDateTime);
        }

        IReadOnlyList<RequestLogEntry> log = sandbox.Requests.Snapshot();
        List<RequestLogEntry> batches = log.Where(e => e.Kind == RequestKind.Batch).ToList();
        Assert.DoesNotContain(log, e => e.Kind == RequestKind.Graph && e.BatchId is null);
        Assert.Equal(users.Length, log.Count(e => e.Kind == RequestKind.Graph && e.Method == "POST"));
        int writeBatches = log.Where(e => e.Kind == RequestKind.Graph && e.Method == "POST").Select(e => e.BatchId).Distinct().Count();
        int readBatches = ListQueries.In(log).Select(e => e.BatchId).Distinct().Count();
        Assert.Equal((users.Length + 19) / 20, writeBatches);
        Assert.Equal(writeBatches + readBatches, batches.Count);
        // The reads of the write batches are gathered, 300 users to a read when the input flows without a pause (the
        // engine's UserReaderTests pin the gathering with a clock that stands still); what no load changes: never more
        // reads than write batches, and each user read exactly once.
        Assert.InRange(readBatches, (users.Length + 299) / 300, writeBatches);
        Assert.Equal(users.Length, ListQueries.In(log).Sum(q => ListQueries.UsersAskedFor(q).Count));

        DateTimeOffset firstArrival = arrivals.Min(a => (DateTimeOffset)a.ArrivedAt);
        Assert.True(firstArrival < batches.Max(b => b.Timestamp), "Actions must stream out while later batches are still being sent.");
    }
}
