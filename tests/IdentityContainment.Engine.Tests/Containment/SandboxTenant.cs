using IdentityContainment.Connection;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Containment;

/// <summary>A sandbox tenant on loopback and a connection to it as the automation app, for tests of readers and writes.</summary>
internal sealed class SandboxTenant : IAsyncDisposable
{
    private SandboxTenant(SandboxServer sandbox, GraphConnection connection)
    {
        Sandbox = sandbox;
        Connection = connection;
    }

    public SandboxServer Sandbox { get; }

    public GraphConnection Connection { get; }

    /// <summary>Cloud-only members without a directory role: users any app may contain. Tests take theirs by position.</summary>
    public IEnumerable<UserRecord> PlainMembers =>
        Sandbox.Tenant.Users.Where(u => u.UserType == UserTypes.Member && u.OnPremisesSyncEnabled != true && u.DirectoryRoles.Count == 0);

    /// <summary>The aitm-bec scenario (a phished victim, the attacker's device), lists served two to a page.</summary>
    public static Task<SandboxTenant> StartAsync() => StartAsync(new SandboxOptions { Scenario = "aitm-bec", Paging = { MaxPageSize = 2 } });

    /// <summary>A tenant from <paramref name="options"/>, connected with the app's granted roles, or only <paramref name="permissions"/>.</summary>
    public static async Task<SandboxTenant> StartAsync(SandboxOptions options, params string[] permissions)
    {
        SandboxServer sandbox = await SandboxServer.StartAsync(options);
        GraphConnection connection = await ConnectAsync(sandbox, permissions);
        return new SandboxTenant(sandbox, connection);
    }

    /// <summary>Another connection to the same tenant, as the automation app with only these permissions.</summary>
    public Task<GraphConnection> ConnectWithOnlyAsync(params string[] permissions) => ConnectAsync(Sandbox, permissions);

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Sandbox.DisposeAsync();
    }

    private static Task<GraphConnection> ConnectAsync(SandboxServer sandbox, string[] permissions) => SandboxConnections.AsAutomationAppAsync(sandbox, null, permissions);
}
