using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

public sealed class RevokeRequestBudgetTests : IClassFixture<LargeTenantFixture>
{
    private readonly LargeTenantFixture _fixture;

    public RevokeRequestBudgetTests(LargeTenantFixture fixture) => _fixture = fixture;

    [Fact]
    public void Six_hundred_users_cost_a_batch_per_twenty_revocations_and_a_read_per_three_hundred()
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
        int writeBatches = (users.Length + 19) / 20, readBatches = (users.Length + 299) / 300;
        Assert.Equal(writeBatches + readBatches, batches.Count);
        Assert.DoesNotContain(log, e => e.Kind == RequestKind.Graph && e.BatchId is null);
        Assert.Equal(users.Length, log.Count(e => e.Kind == RequestKind.Graph && e.Method == "POST"));

        DateTimeOffset firstArrival = arrivals.Min(a => (DateTimeOffset)a.ArrivedAt);
        Assert.True(firstArrival < batches.Max(b => b.Timestamp), "Actions must stream out while later batches are still being sent.");
    }
}
