using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests;

/// <summary>Connections to a test's sandbox, signed in as the scenario's automation app.</summary>
internal static class SandboxConnections
{
    /// <summary>As the automation app with its granted roles, or only <paramref name="permissions"/> when any are named.</summary>
    public static Task<GraphConnection> AsAutomationAppAsync(SandboxServer sandbox, RetryPolicy? retries = null, params string[] permissions) =>
        ConnectAsync(sandbox, retries, null, permissions);

    /// <summary>
    /// As the automation app, with the logs' budget of 5 requests per <paramref name="logsWindow"/> instead of 10 s: for a
    /// sandbox whose reports window a test scaled down alike, so many log pages take milliseconds, still inside the budget.
    /// </summary>
    public static Task<GraphConnection> WithLogsWindowAsync(SandboxServer sandbox, TimeSpan logsWindow)
    {
        sandbox.Throttling.ReportsWindow = logsWindow;
        return ConnectAsync(sandbox, null, logsWindow, Array.Empty<string>());
    }

    private static Task<GraphConnection> ConnectAsync(SandboxServer sandbox, RetryPolicy? retries, TimeSpan? logsWindow, string[] permissions)
    {
        OperatorApplication app = sandbox.Tenant.Operators.Applications.Single(a => a.DisplayName == "IdentityContainment Automation");
        string token = sandbox.IssueAccessToken(new AccessTokenRequest { AppId = app.AppId, Permissions = permissions.Length > 0 ? permissions : app.Roles });
        return GraphConnector.ConnectAsync(
            new ConnectionRequest { Method = AuthenticationMethod.AccessToken, AccessToken = SecureStrings.Protect(token), GraphEndpoint = sandbox.GraphEndpoint },
            CancellationToken.None,
            retries,
            logsWindow: logsWindow);
    }
}
