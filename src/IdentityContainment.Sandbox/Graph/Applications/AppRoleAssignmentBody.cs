namespace IdentityContainment.Sandbox;

/// <summary>
/// The body of POST servicePrincipals/{id}/appRoleAssignedTo: "principalId", "resourceId" and "appRoleId" are the three
/// identifiers the page requires; resourceId must be the service principal of the path, the principal a user or service
/// principal that exists, and the app role one the resource defines for that kind of principal, or the all-zero default
/// access role. A bad value is a 400 Request_BadRequest (docs-contrib issue 6694 shows "One or more properties are
/// invalid."); an unknown role gets the observed "Permission being assigned was not found on application.".
/// </summary>
internal static class AppRoleAssignmentBody
{
    private const string DefaultAccessRole = "00000000-0000-0000-0000-000000000000";

    // Read-only properties a before-image carries back are accepted and recomputed, as Graph sets them itself.
    private static readonly string[] Known =
        ["id", "deletedDateTime", "appRoleId", "createdDateTime", "principalDisplayName", "principalId", "principalType", "resourceDisplayName", "resourceId"];

    public static (AppRoleAssignmentRecord? Assignment, GraphResponse? Error) Read(string? body, TenantState tenant, ServicePrincipalRecord resource)
    {
        var (json, error) = JsonBody.ParseDeclared(body, Known);
        if (error is not null)
            return (null, error);
        var principalId = JsonBody.String(json!, "principalId");
        var resourceId = JsonBody.String(json!, "resourceId");
        var appRoleId = JsonBody.String(json!, "appRoleId");
        if (!Guid.TryParse(principalId, out var principalGuid) || !Guid.TryParse(resourceId, out _) || !Guid.TryParse(appRoleId, out var roleGuid)
            || !string.Equals(resourceId, resource.Id, StringComparison.OrdinalIgnoreCase))
            return (null, GraphResponse.Error(400, "Request_BadRequest", "One or more properties are invalid."));

        var user = tenant.FindUser(principalId!);
        var client = user is null ? tenant.FindServicePrincipal(principalId!) : null;
        if (user is null && client is null)
            return (null, GraphResponse.NotFound(principalId!));
        var memberType = user is not null ? "User" : "Application";
        var role = roleGuid == Guid.Empty ? null : resource.AppRoles.FirstOrDefault(r => Guid.TryParse(r.Id, out var id) && id == roleGuid);
        if (roleGuid != Guid.Empty && (role is null || !role.AllowedMemberTypes.Contains(memberType, StringComparer.OrdinalIgnoreCase)))
            return (null, GraphResponse.Error(400, "Request_BadRequest", "Permission being assigned was not found on application."));

        return (new AppRoleAssignmentRecord
        {
            Id = AppRoleAssignmentIds.For(principalGuid.ToString(), resource.Id, roleGuid.ToString()),
            AppRoleId = roleGuid == Guid.Empty ? DefaultAccessRole : role!.Id,
            PrincipalId = user?.Id ?? client!.Id,
            PrincipalType = user is not null ? "User" : "ServicePrincipal",
            PrincipalDisplayName = user?.DisplayName ?? client!.DisplayName,
            ResourceId = resource.Id,
            ResourceDisplayName = resource.DisplayName,
            CreatedDateTime = tenant.Now(),
        }, null);
    }
}
