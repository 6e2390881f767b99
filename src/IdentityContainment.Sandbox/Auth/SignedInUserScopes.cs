namespace IdentityContainment.Sandbox;

/// <summary>
/// Delegated scopes that reach the signed-in user only. User.Read "allows users to sign-in to the app, and allows the
/// app to read the profile of signed-in users" (permissions reference): with it a caller reads /me, which is also
/// /users/{its own id or user principal name}, and its own objects, but never another user nor the user list; that
/// takes User.ReadBasic.All or more. A requirement that lists User.Read is met by it only for the caller itself.
/// </summary>
internal static class SignedInUserScopes
{
    private static readonly string[] SelfOnly = ["User.Read"];

    /// <summary>
    /// Whether the caller meets the requirement for <paramref name="targetUser"/>: the user the request is about (a
    /// users/{id} path, /me included), or null when it is about no single user (the user list, the organization).
    /// </summary>
    public static bool Allow(PermissionRequirement requirement, CallerIdentity caller, UserRecord? targetUser)
    {
        if (!requirement.IsSatisfiedBy(caller))
            return false;
        if (caller.IsAppOnly || targetUser is not null && string.Equals(targetUser.Id, caller.ObjectId, StringComparison.OrdinalIgnoreCase))
            return true;
        var beyondSelf = requirement with
        {
            DelegatedScopes = requirement.DelegatedScopes.Except(SelfOnly, StringComparer.OrdinalIgnoreCase).ToArray(),
        };
        return beyondSelf.IsSatisfiedBy(caller);
    }

    /// <summary>
    /// The route-level check: for paths under users (/me became users/{own id}), the user of users/{id} is the target, and
    /// the user list has none; elsewhere (the organization) the requirement alone decides.
    /// </summary>
    public static bool AllowRoute(GraphRoute route, CallerIdentity caller, IReadOnlyList<string> routeValues, TenantState tenant)
    {
        if (!route.Template.StartsWith("users", StringComparison.OrdinalIgnoreCase))
            return route.Permission.IsSatisfiedBy(caller);
        var target = route.Template.StartsWith("users/{id}", StringComparison.OrdinalIgnoreCase) ? tenant.FindUser(routeValues[0]) : null;
        return Allow(route.Permission, caller, target);
    }
}
