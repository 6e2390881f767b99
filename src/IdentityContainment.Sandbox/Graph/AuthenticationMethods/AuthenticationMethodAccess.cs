namespace IdentityContainment.Sandbox;

/// <summary>
/// Who may read or change whose methods (CONTRACT §7). Acting on oneself, any of the route's delegated scopes will do
/// (UserAuthenticationMethod.Read, .ReadWrite...). Acting on another user, a delegated caller needs an ".All" scope and
/// an admin role: Global Administrator, Privileged Authentication Administrator or Authentication Administrator, and for
/// reads also Global Reader (the older list-methods page's role table).
/// </summary>
internal static class AuthenticationMethodAccess
{
    private static readonly string[] ReadRoles =
        [DirectoryRoles.GlobalAdministrator, DirectoryRoles.GlobalReader, DirectoryRoles.PrivilegedAuthenticationAdministrator, DirectoryRoles.AuthenticationAdministrator];

    private static readonly string[] WriteRoles =
        [DirectoryRoles.GlobalAdministrator, DirectoryRoles.PrivilegedAuthenticationAdministrator, DirectoryRoles.AuthenticationAdministrator];

    /// <summary>The target user, or the 404 / 403 Graph answers.</summary>
    public static (UserRecord? User, GraphResponse? Error) Resolve(GraphCallContext context, PermissionRequirement routePermission, bool write)
    {
        var user = context.Tenant.FindUser(context.RouteValues[0]);
        if (user is null)
            return (null, GraphResponse.NotFound(context.RouteValues[0]));
        var caller = context.Caller;
        if (caller.IsAppOnly || string.Equals(caller.ObjectId, user.Id, StringComparison.OrdinalIgnoreCase))
            return (user, null);
        var hasAllScope = routePermission.DelegatedScopes.Any(s => s.EndsWith(".All", StringComparison.Ordinal) && caller.Scopes.Contains(s));
        var hasRole = (write ? WriteRoles : ReadRoles).Any(caller.HoldsDirectoryRole);
        return hasAllScope && hasRole ? (user, null) : (null, GraphResponse.Forbidden());
    }

    /// <summary>"This method does not support optional query parameters" (list and per-type pages): refused, not ignored.</summary>
    public static GraphResponse? RefuseQueryOptions(GraphCallContext context) =>
        context.Query.HasAnySystemOption()
            ? GraphResponse.Error(400, "BadRequest", "Query options are not supported on authentication methods.")
            : null;
}
