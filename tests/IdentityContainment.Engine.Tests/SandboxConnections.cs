using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests;

/// <summary>Connections to a test's sandbox, signed in as the scenario's automation app.</summary>
internal static class SandboxConnections
{
    /// <summary>As the automation app with its granted roles, or only <paramref name="permissions"/> when any are named.</summary>
    public static Task<GraphConnection> AsAutomationAppAsync(SandboxServer sandbox, RetryPolicy? retries = null, params string[] permissions)
    {
        OperatorApplication app = sandbox.Tenant.Operators.Applications.Single(a => a.DisplayName == "IdentityContainment Automation");
        string token = sandbox.IssueAccessToken(new AccessTokenRequest { AppId = app.AppId, Permissions = permissions.Length > 0 ? permissions : app.Roles });
        return GraphConnector.ConnectAsync(
            new ConnectionRequest { Method = AuthenticationMethod.AccessToken, AccessToken = SecureStrings.Protect(token), GraphEndpoint = sandbox.GraphEndpoint },
            CancellationToken.None,
            retries);
    }
}
