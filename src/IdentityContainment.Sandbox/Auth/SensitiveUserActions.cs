namespace IdentityContainment.Sandbox;

/// <summary>Actions on a user that Entra guards with directory roles as well as Graph permissions.</summary>
internal enum SensitiveUserAction
{
    ResetPassword,
    EnableOrDisable,
    RevokeSessions,

    /// <summary>authentication/methods/{password}/resetPassword: a narrower set of roles than PATCH passwordProfile.</summary>
    ResetPasswordThroughAuthenticationMethod,

    /// <summary>Deleting another user's authentication method (delegated): the same roles as resetPassword through methods.</summary>
    ManageAuthenticationMethods,
}

/// <summary>
/// Our reading of Entra's "who can perform sensitive actions" rules: a delegated admin needs a fitting
/// role, and a privileged target (one holding an admin role) can only be acted on by a Global
/// Administrator or Privileged Authentication Administrator. An app-only caller's service principal needs
/// a role too for a password: Graph's user-update page says app-only passwordProfile changes need "at least
/// the User Administrator Microsoft Entra role" beside the permission (CONTRACT §2a; Microsoft Q&A 360090
/// and 1145427 say the same), so Helpdesk or Authentication Administrator, which that sentence does not
/// name, are refused. An app disables ordinary users with its permission alone, but a privileged user
/// only with one of the two top roles; revoking sessions needs only the permission.
/// </summary>
internal static class SensitiveUserActions
{
    private static readonly string[] TopRoles =
        [DirectoryRoles.GlobalAdministrator, DirectoryRoles.PrivilegedAuthenticationAdministrator];

    private static readonly string[] AppOnlyPasswordRoles = [.. TopRoles, DirectoryRoles.UserAdministrator];

    private static string[] RolesForOrdinaryTarget(SensitiveUserAction action) => action switch
    {
        SensitiveUserAction.ResetPassword or SensitiveUserAction.RevokeSessions =>
            [.. TopRoles, DirectoryRoles.UserAdministrator, DirectoryRoles.HelpdeskAdministrator, DirectoryRoles.AuthenticationAdministrator],
        // The resetPassword page names Global, Privileged Authentication and Authentication Administrator only; the
        // authentication methods pages name the same for managing another user's methods (CONTRACT §7).
        SensitiveUserAction.ResetPasswordThroughAuthenticationMethod or SensitiveUserAction.ManageAuthenticationMethods =>
            [.. TopRoles, DirectoryRoles.AuthenticationAdministrator],
        _ => [.. TopRoles, DirectoryRoles.UserAdministrator],
    };

    public static bool IsAllowed(CallerIdentity caller, UserRecord target, SensitiveUserAction action)
    {
        if (caller.IsAppOnly)
        {
            if (action == SensitiveUserAction.RevokeSessions)
                return true;
            if (target.IsPrivileged)
                return TopRoles.Any(caller.HoldsDirectoryRole);
            return action != SensitiveUserAction.ResetPassword || AppOnlyPasswordRoles.Any(caller.HoldsDirectoryRole);
        }
        var allowed = target.IsPrivileged ? TopRoles : RolesForOrdinaryTarget(action);
        return allowed.Any(caller.HoldsDirectoryRole);
    }
}
