namespace IdentityContainment.Sandbox;

/// <summary>
/// App role assignments (CONTRACT §5): those granted on a resource (servicePrincipals/{id}/appRoleAssignedTo: list,
/// delete, create), those a client service principal holds (servicePrincipals/{id}/appRoleAssignments: its
/// application permissions) and a user's (users/{id}/appRoleAssignments).
/// </summary>
internal static class AppRoleAssignmentHandlers
{
    public static GraphResponse ListAssignedTo(GraphCallContext context) =>
        ListForServicePrincipal(context, a => a.ResourceId, "servicePrincipals('{0}')/appRoleAssignedTo");

    public static GraphResponse ListOfServicePrincipal(GraphCallContext context) =>
        ListForServicePrincipal(context, a => a.PrincipalId, "servicePrincipals('{0}')/appRoleAssignments");

    /// <summary>
    /// GET users/{id}/appRoleAssignments. Graph also returns roles assigned to groups the user is a direct member of
    /// (CONTRACT §5); the sandbox models no groups, so a user's own assignments are all there are.
    /// </summary>
    public static GraphResponse ListForUser(GraphCallContext context)
    {
        var (query, error) = CollectionQuery<AppRoleAssignmentRecord>.Read(context, AppRoleAssignmentProjection.Properties,
            AppRoleAssignmentProjection.Filterable, CollectionPageSizes.Directory);
        if (error is not null)
            return error;
        var user = context.Tenant.FindUser(context.RouteValues[0]);
        return user is null
            ? GraphResponse.NotFound(context.RouteValues[0])
            : query!.Answer(AppRoleAssignmentProjection.EntitySet, Ordered(context.Tenant, a => a.PrincipalId == user.Id), a => a.Id, AppRoleAssignmentProjection.Properties);
    }

    /// <summary>DELETE servicePrincipals/{resource-SP-id}/appRoleAssignedTo/{id}: 204; an assignment on another resource is not found here.</summary>
    public static GraphResponse DeleteAssignedTo(GraphCallContext context) => Delete(context, context.RouteValues[0], a => a.ResourceId);

    /// <summary>DELETE users/{id}/appRoleAssignments/{id} (CONTRACT §5, the alternative path): 204; another principal's assignment is not found here.</summary>
    public static GraphResponse DeleteForUser(GraphCallContext context) =>
        context.Tenant.FindUser(context.RouteValues[0]) is { } user
            ? Delete(context, user.Id, a => a.PrincipalId)
            : GraphResponse.NotFound(context.RouteValues[0]);

    /// <summary>POST servicePrincipals/{resource-SP-id}/appRoleAssignedTo: 201 with the assignment.</summary>
    public static GraphResponse CreateAssignedTo(GraphCallContext context)
    {
        // PERMS: AppRoleAssignment.ReadWrite.All (the route's requirement) AlsoRequires Application.Read.All or
        // Directory.Read.All; without it Graph answers 403 (microsoft-graph-docs issue 12833).
        if (!GraphPermissions.ReadForAppRoleAssignment.IsSatisfiedBy(context.Caller))
            return GraphResponse.Forbidden();
        var resource = context.Tenant.FindServicePrincipal(context.RouteValues[0]);
        if (resource is null)
            return GraphResponse.NotFound(context.RouteValues[0]);
        var (assignment, error) = AppRoleAssignmentBody.Read(context.Request.Body, context.Tenant, resource);
        if (error is not null)
            return error;
        // Observed answer to a duplicate (3P scripts that tolerate it, e.g. rigg's Easy Auth wiring): 400
        // Request_BadRequest "Permission being assigned already exists on the object."
        if (!context.Tenant.TryAddAppRoleAssignment(assignment!))
            return GraphResponse.Error(400, "Request_BadRequest", "Permission being assigned already exists on the object.");
        return new GraphResponse(201, AppRoleAssignmentProjection.Entity(assignment!, $"servicePrincipals('{resource.Id}')/appRoleAssignedTo"));
    }

    private static GraphResponse ListForServicePrincipal(GraphCallContext context, Func<AppRoleAssignmentRecord, string> side, string entitySetFormat)
    {
        var (query, error) = CollectionQuery<AppRoleAssignmentRecord>.Read(context, AppRoleAssignmentProjection.Properties,
            AppRoleAssignmentProjection.Filterable, CollectionPageSizes.Directory);
        if (error is not null)
            return error;
        var servicePrincipal = context.Tenant.FindServicePrincipal(context.RouteValues[0]);
        if (servicePrincipal is null)
            return GraphResponse.NotFound(context.RouteValues[0]);
        return query!.Answer(string.Format(System.Globalization.CultureInfo.InvariantCulture, entitySetFormat, servicePrincipal.Id),
            Ordered(context.Tenant, a => string.Equals(side(a), servicePrincipal.Id, StringComparison.OrdinalIgnoreCase)),
            a => a.Id, AppRoleAssignmentProjection.Properties);
    }

    private static GraphResponse Delete(GraphCallContext context, string ownerId, Func<AppRoleAssignmentRecord, string> side)
    {
        var assignment = context.Tenant.FindAppRoleAssignment(context.RouteValues[1]);
        if (assignment is null || !string.Equals(side(assignment), ownerId, StringComparison.OrdinalIgnoreCase))
            return GraphResponse.NotFound(context.RouteValues[1]);
        context.Tenant.RemoveAppRoleAssignment(assignment.Id);
        return GraphResponse.NoContent();
    }

    private static IEnumerable<AppRoleAssignmentRecord> Ordered(TenantState tenant, Func<AppRoleAssignmentRecord, bool> belongs) =>
        tenant.AppRoleAssignments.Where(belongs).OrderBy(a => a.Id, StringComparer.Ordinal);
}
