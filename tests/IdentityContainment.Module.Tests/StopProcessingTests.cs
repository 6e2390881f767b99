using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>Ctrl+C in the middle of mass containment: the pipeline stops without waiting for Graph, and what it reported is true.</summary>
public sealed class StopProcessingTests : IClassFixture<GeneratedTenantFixture>
{
    private readonly GeneratedTenantFixture _fixture;

    public StopProcessingTests(GeneratedTenantFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Stopping_mid_run_ends_without_waiting_for_graph_and_every_reported_revocation_really_happened()
    {
        SandboxServer sandbox = _fixture.Sandbox;
        string[] users = sandbox.Tenant.Users.Take(60).Select(u => u.Id).ToArray();
        Dictionary<string, DateTimeOffset?> before = users.ToDictionary(id => id, id => sandbox.Tenant.FindUser(id)!.SignInSessionsValidFromDateTime);
        // The first batch answers at once; the others hang for far longer than any test may take, so a Stop that
        // returns at all did not wait for them (no elapsed-time window: load cannot make it flake).
        string later = string.Join("|", users.Skip(20));
        FaultRule slow = sandbox.Faults.Add(FaultRule.Latency($"^/users/({later})/revokeSignInSessions$", TimeSpan.FromMinutes(30), method: "POST"));
        using HostedPowerShell shell = _fixture.ConnectedShell();
        using PowerShell pipeline = PowerShell.Create();
        pipeline.Runspace = shell.Runspace;
        pipeline.AddScript("param($Users) $Users | Revoke-CompromisedSession").AddParameter("Users", users);
        var output = new PSDataCollection<PSObject>();
        var firstResult = new TaskCompletionSource();
        output.DataAdded += (_, _) => firstResult.TrySetResult();

        IAsyncResult running = pipeline.BeginInvoke<object, PSObject>(null, output);
        await firstResult.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Task stopping = Task.Run(pipeline.Stop);
        Task finished = await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromMinutes(5)));
        sandbox.Faults.Remove(slow);

        Assert.True(finished == stopping, "Stop waited for the requests still hanging in Graph.");
        await stopping;
        Assert.Equal(PSInvocationState.Stopped, pipeline.InvocationStateInfo.State);
        Assert.True(running.IsCompleted);
        var reported = output.Select(o => (dynamic)o.BaseObject).ToList();
        Assert.InRange(reported.Count, 1, users.Length - 1);
        Assert.Equal(reported.Count, reported.Select(a => (string)a.UserId).Distinct().Count());
        Assert.All(reported, action =>
        {
            Assert.Equal("Succeeded", (string)action.Status);
            Assert.NotEqual(before[(string)action.UserId], sandbox.Tenant.FindUser((string)action.UserId)!.SignInSessionsValidFromDateTime);
        });
    }
}
