namespace IdentityContainment.Connection;

/// <summary>The delegated permissions an operator's sign-in asks for when none are named.</summary>
public static class DelegatedScopes
{
    /// <summary>Enough to contain an identity end to end; each cmdlet's help names the ones it needs.</summary>
    public static readonly IReadOnlyList<string> Default = new[]
    {
        "User.Read.All",
        "User.RevokeSessions.All",
        "User-PasswordProfile.ReadWrite.All",
        "User.EnableDisableAccount.All",
        "Directory.Read.All",
        "DelegatedPermissionGrant.ReadWrite.All",
        "AppRoleAssignment.ReadWrite.All",
        "MailboxSettings.ReadWrite",
        "UserAuthenticationMethod.ReadWrite.All",
        "IdentityRiskyUser.ReadWrite.All",
        "AuditLog.Read.All",

        // The only delegated permission Graph accepts for PATCH /devices (-DisableDevice). It carries no more than the
        // signed-in admin's own Entra roles allow.
        "Directory.AccessAsUser.All",
    };

    /// <summary>Turns short names (User.Read.All) into the resource-qualified scopes MSAL asks for.</summary>
    public static string[] Qualify(IEnumerable<string> scopes, string graphResource) =>
        scopes.Select(s => s.Contains("://") ? s : graphResource + "/" + s).ToArray();
}
