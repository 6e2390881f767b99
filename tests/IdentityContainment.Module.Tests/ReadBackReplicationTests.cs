using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>Graph can answer the read-back from a replica that has not seen the revocation yet.</summary>
public sealed class ReadBackReplicationTests
{
    [Fact]
    public async Task A_read_back_that_lags_the_revocation_is_read_again_until_it_shows_it()
    {
        var fixture = new SandboxFixture();
        await fixture.InitializeAsync();
        try
        {
            SandboxServer sandbox = fixture.Sandbox;
            UserRecord victim = sandbox.Tenant.FindUser(sandbox.Tenant.Footholds[0].UserId)!;
            using HostedPowerShell shell = fixture.ConnectedShell();
            sandbox.Tenant.ReplicaLag = TimeSpan.FromSeconds(2);
            sandbox.Requests.Clear();

            ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession $U -DisableAccount -Confirm:$false", Parameters.Of(("U", victim.UserPrincipalName)));

            Assert.Empty(result.AllErrors);
            var actions = result.Output.Select(o => (dynamic)o.BaseObject).ToList();
            Assert.Equal(new[] { "DisableAccount:Succeeded", "RevokeSessions:Succeeded" }, actions.Select(a => $"{a.Action}:{a.Status}"));
            Assert.False((bool)actions[0].AccountEnabled);
            Assert.Equal(sandbox.Tenant.FindUser(victim.Id)!.SignInSessionsValidFromDateTime, (DateTimeOffset?)actions[1].SignInSessionsValidFromDateTime);
            int reads = sandbox.Requests.Snapshot().Count(e => e.Method == "GET" && e.Path.StartsWith("/users", StringComparison.Ordinal));
            Assert.True(reads >= 2, $"The lagging user should have been read again; {reads} read(s) reached the sandbox.");
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_revocation_the_directory_never_shows_in_time_is_pending_and_not_evidence()
    {
        var fixture = new SandboxFixture();
        await fixture.InitializeAsync();
        try
        {
            SandboxServer sandbox = fixture.Sandbox;
            UserRecord victim = sandbox.Tenant.FindUser(sandbox.Tenant.Footholds[0].UserId)!;
            using HostedPowerShell shell = fixture.ConnectedShell();
            sandbox.Tenant.ReplicaLag = TimeSpan.FromMinutes(10);

            ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession $U -ReadBackTimeoutSec 1", Parameters.Of(("U", victim.UserPrincipalName)));

            Assert.Empty(result.Errors);
            dynamic action = result.Output.Single().BaseObject;
            Assert.Equal("Pending", (string)action.Status);
            Assert.Null((DateTimeOffset?)action.SignInSessionsValidFromDateTime);
            Assert.Contains("not yet confirmed", (string)action.Message, StringComparison.Ordinal);
            Assert.Contains(result.Warnings, w => w.Contains("replication lag", StringComparison.Ordinal));
            // Graph did revoke: only the evidence is missing.
            Assert.False(sandbox.EvaluateFootholds().Single(f => f.Kind == FootholdKind.Session).IsOpen);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
