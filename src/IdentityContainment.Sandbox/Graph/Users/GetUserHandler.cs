namespace IdentityContainment.Sandbox;

/// <summary>GET /users/{id | userPrincipalName}, with $select.</summary>
internal static class GetUserHandler
{
    public static GraphResponse Handle(GraphCallContext context)
    {
        if (!UserProjection.TryResolveSelect(context.Query.Select, out var select, out var unknown))
            return UnknownProperty(unknown!);
        var user = context.Tenant.ReadUser(context.RouteValues[0]);
        if (user is null)
            return GraphResponse.NotFound(context.RouteValues[0]);
        var basicOnly = !SignedInUserScopes.Allow(GraphPermissions.ReadFullUserProfile, context.Caller, user);
        var json = UserProjection.Project(user, select, basicOnly);
        json.Insert(0, "@odata.context", GraphContext.Entity("users", select));
        return GraphResponse.Ok(json);
    }

    public static GraphResponse UnknownProperty(string name) =>
        GraphResponse.Error(400, "Request_BadRequest", $"Could not find a property named '{name}' on type 'microsoft.graph.user'.");
}
