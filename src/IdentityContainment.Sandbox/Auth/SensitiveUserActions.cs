namespace IdentityContainment.Sandbox;

/// <summary>Actions on a user that Entra guards with directory roles as well as Graph permissions.</summary>
internal enum SensitiveUserAction
{
    ResetPassword,
    EnableOrDisable,
    RevokeSessions,

    /// <summary>authentication/methods/{password}/resetPassword: a narrower set of roles than PATCH passwordProfile.</summary>
    ResetPasswordThroughAuthenticationMethod,
}

/// <summary>
/// Our reading of Entra's "who can perform sensitive actions" rules: a delegated admin needs a fitting
/// role, and a privileged target (one holding an admin role) can only be acted on by a Global
/// Administrator or Privileged Authentication Administrator. An app-only caller acts on ordinary users
/// with its Graph permission alone, but resets or disables a privileged user only if its service
/// principal holds one of those two roles; revoking sessions needs only the permission.
/// </summary>
internal static class SensitiveUserActions
{
    private static readonly string[] TopRoles =
        [DirectoryRoles.GlobalAdministrator, DirectoryRoles.PrivilegedAuthenticationAdministrator];

    private static string[] RolesForOrdinaryTarget(SensitiveUserAction action) => action switch
    {
        SensitiveUserAction.ResetPassword or SensitiveUserAction.RevokeSessions =>
            [.. TopRoles, DirectoryRoles.UserAdministrator, DirectoryRoles.HelpdeskAdministrator, DirectoryRoles.AuthenticationAdministrator],
        // The resetPassword page names Global, Privileged Authentication and Authentication Administrator only.
        SensitiveUserAction.ResetPasswordThroughAuthenticationMethod => [.. TopRoles, DirectoryRoles.AuthenticationAdministrator],
        _ => [.. TopRoles, DirectoryRoles.UserAdministrator],
    };

    public static bool IsAllowed(CallerIdentity caller, UserRecord target, SensitiveUserAction action)
    {
        if (caller.IsAppOnly)
            return !target.IsPrivileged || action == SensitiveUserAction.RevokeSessions || TopRoles.Any(caller.HoldsDirectoryRole);
        var allowed = target.IsPrivileged ? TopRoles : RolesForOrdinaryTarget(action);
        return allowed.Any(caller.HoldsDirectoryRole);
    }
}
