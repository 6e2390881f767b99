namespace IdentityContainment.Sandbox;

/// <summary>Every Graph operation the sandbox serves. Later areas add their routes here.</summary>
internal static class GraphRouteTable
{
    public static IReadOnlyList<GraphRoute> Create() =>
    [
        new("GET", "organization", GraphPermissions.ReadOrganization, OrganizationHandlers.List),
        new("GET", "organization/{id}", GraphPermissions.ReadOrganization, OrganizationHandlers.Get),
        // Listing users costs 2 resource units; reading one costs 1 (CONTRACT §13).
        new("GET", "users", GraphPermissions.ReadUsers, ListUsersHandler.Handle, baseCost: 2),
        new("GET", "users/{id}", GraphPermissions.ReadUsers, GetUserHandler.Handle),
        new("PATCH", "users/{id}", GraphPermissions.UpdateUserAny, UpdateUserHandler.Handle),
        new("POST", "users/{id}/revokeSignInSessions", GraphPermissions.RevokeSessions, RevokeSignInSessionsHandler.Handle),
    ];
}
