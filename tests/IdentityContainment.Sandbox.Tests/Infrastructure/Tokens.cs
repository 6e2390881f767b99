namespace IdentityContainment.Sandbox.Tests;

/// <summary>Tokens for the scenario's operators, minted the way the token endpoint would.</summary>
internal static class Tokens
{
    public static string Automation(SandboxServer server) => ForApp(server, Known.AutomationAppId);

    public static string Reporter(SandboxServer server) => ForApp(server, Known.ReporterAppId);

    /// <summary>An app-only token for the automation app holding only <paramref name="permissions"/>, to test least privilege.</summary>
    public static string AutomationWith(SandboxServer server, params string[] permissions) =>
        server.IssueAccessToken(new AccessTokenRequest { AppId = Known.AutomationAppId, Permissions = permissions });

    public static string ForApp(SandboxServer server, string appId)
    {
        var app = server.Tenant.FindOperatorApplication(appId)!;
        return server.IssueAccessToken(new AccessTokenRequest { AppId = app.AppId, Permissions = app.Roles });
    }

    /// <summary>A delegated token for any user, through the Graph CLI client, with the scopes given; roles come from the user.</summary>
    public static string Delegated(SandboxServer server, string userPrincipalName, params string[] scopes) =>
        server.IssueAccessToken(new AccessTokenRequest
        {
            AppId = "14d82eec-204b-4c2f-b7e8-296a70dab67e",
            UserPrincipalName = userPrincipalName,
            Permissions = scopes,
        });

    /// <summary>An app-only token for the Key Vault resource, as the token endpoint issues it.</summary>
    public static string ForVault(SandboxServer server, string appId) =>
        server.IssueAccessToken(new AccessTokenRequest { AppId = appId, Audience = KeyVaultResource.Uri });

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
