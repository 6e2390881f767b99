using System.Security;
using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests;

/// <summary>Connections to a test's sandbox, signed in as the scenario's automation app with its own permissions.</summary>
internal static class SandboxConnections
{
    public static Task<GraphConnection> AsAutomationAppAsync(SandboxServer sandbox, RetryPolicy retries)
    {
        OperatorApplication app = sandbox.Tenant.Operators.Applications.Single(a => a.DisplayName == "IdentityContainment Automation");
        string token = sandbox.IssueAccessToken(new AccessTokenRequest { AppId = app.AppId, Permissions = app.Roles });
        return GraphConnector.ConnectAsync(
            new ConnectionRequest { Method = AuthenticationMethod.AccessToken, AccessToken = Secure(token), GraphEndpoint = sandbox.GraphEndpoint },
            CancellationToken.None,
            retries);
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
