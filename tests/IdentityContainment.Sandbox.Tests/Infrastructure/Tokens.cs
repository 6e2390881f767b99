namespace IdentityContainment.Sandbox.Tests;

/// <summary>Tokens for the scenario's operators, minted the way the token endpoint would.</summary>
internal static class Tokens
{
    public static string Automation(SandboxServer server) => ForApp(server, Known.AutomationAppId);

    public static string Reporter(SandboxServer server) => ForApp(server, Known.ReporterAppId);

    public static string ForApp(SandboxServer server, string appId)
    {
        var app = server.Tenant.FindOperatorApplication(appId)!;
        return server.IssueAccessToken(new AccessTokenRequest { AppId = app.AppId, Permissions = app.Roles });
    }

    public static string DelegatedAdmin(SandboxServer server)
    {
        var admin = server.Tenant.Operators.DelegatedAdmins[0];
        var user = server.Tenant.FindUser(admin.UserId)!;
        return server.IssueAccessToken(new AccessTokenRequest
        {
            AppId = admin.ClientAppId,
            UserPrincipalName = user.UserPrincipalName,
            Permissions = admin.Scopes,
        });
    }
}
