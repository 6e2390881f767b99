using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>A pipeline that ends early (Select-Object -First, -ErrorAction Stop) leaves no work running unseen.</summary>
public sealed class PipelineEndTests : IClassFixture<LargeTenantFixture>
{
    private readonly LargeTenantFixture _fixture;

    public PipelineEndTests(LargeTenantFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_terminating_error_downstream_stops_the_password_changes_not_yet_sent()
    {
        SandboxServer sandbox = _fixture.Sandbox;
        string[] users = sandbox.Tenant.Users.Where(u => !u.IsGuest && !u.IsPrivileged && !u.IsSyncedFromOnPremises).Take(300).Select(u => u.UserPrincipalName).ToArray();
        using HostedPowerShell shell = _fixture.ConnectedShell();
        FaultRule slow = sandbox.Faults.Add(FaultRule.Latency(@"^/\$batch$", TimeSpan.FromMilliseconds(300), times: null, method: "POST"));
        try
        {
            sandbox.Requests.Clear();

            // What Select-Object -First 1 does (it is not in the hosted engine; the Pester suite runs it in real pwsh).
            ScriptResult result = shell.Run("param($Users) $Users | Reset-CompromisedPassword -SkipRevocation -Confirm:$false | ForEach-Object { $_; throw 'enough' }", Parameters.Of(("Users", users)));
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.Contains(result.AllErrors, e => e.ToString() == "enough");
            int changed = sandbox.Requests.Snapshot().Count(e => e.Method == "PATCH" && e.BatchId is not null && e.Status == 204);
            // One wave of 15 batches was under way; the four on the wire may land, the rest must never be sent.
            Assert.InRange(changed, 20, 8 * 20);
        }
        finally
        {
            sandbox.Faults.Remove(slow);
        }
    }
}
