using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// Graph can answer the read-back from a replica that has not seen the revocation yet. Each test gets a tenant of its
/// own: the lag it sets applies to every read.
/// </summary>
public sealed class ReadBackReplicationTests : IAsyncLifetime
{
    private readonly SandboxFixture _fixture = new();

    private SandboxServer Sandbox => _fixture.Sandbox;

    private UserRecord Victim => Sandbox.Tenant.FindUser(Sandbox.Tenant.Footholds[0].UserId)!;

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public void A_read_back_that_lags_the_revocation_is_read_again_until_it_shows_it()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        Sandbox.Tenant.ReplicaLag = TimeSpan.FromSeconds(2);
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession $U -DisableAccount -Confirm:$false", Parameters.Of(("U", Victim.UserPrincipalName)));

        Assert.Empty(result.AllErrors);
        var actions = result.Output.Select(o => (dynamic)o.BaseObject).ToList();
        Assert.Equal(new[] { "DisableAccount:Succeeded", "RevokeSessions:Succeeded" }, actions.Select(a => $"{a.Action}:{a.Status}"));
        Assert.False((bool)actions[0].AccountEnabled);
        Assert.Equal(Sandbox.Tenant.FindUser(Victim.Id)!.SignInSessionsValidFromDateTime, (DateTimeOffset?)actions[1].SignInSessionsValidFromDateTime);
        int reads = Sandbox.Requests.Snapshot().Count(e => e.Method == "GET" && e.Path.StartsWith("/users", StringComparison.Ordinal));
        Assert.True(reads >= 2, $"The lagging user should have been read again; {reads} read(s) reached the sandbox.");
    }

    [Fact]
    public void A_revocation_the_directory_never_shows_in_time_is_pending_and_not_evidence()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        Sandbox.Tenant.ReplicaLag = TimeSpan.FromMinutes(10);

        ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession $U -ReadBackTimeoutSec 1", Parameters.Of(("U", Victim.UserPrincipalName)));

        Assert.Empty(result.Errors);
        dynamic action = result.Output.Single().BaseObject;
        Assert.Equal("Pending", (string)action.Status);
        Assert.Null((DateTimeOffset?)action.SignInSessionsValidFromDateTime);
        Assert.Contains("not yet confirmed", (string)action.Message, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Contains("replication lag", StringComparison.Ordinal));
        // Graph did revoke: only the evidence is missing.
        Assert.False(Sandbox.EvaluateFootholds().Single(f => f.Kind == FootholdKind.Session).IsOpen);
    }
}
