using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// GET users/{id}/authentication/methods (the polymorphic list, every type, known or not), GET .../methods/{id}, and per
/// type GET .../{typeMethods}, GET and DELETE .../{typeMethods}/{id} (CONTRACT §7). None of these pages documents paging,
/// so each list answers in one page (a user has a handful of methods).
/// </summary>
internal static class AuthenticationMethodHandlers
{
    public static GraphResponse List(GraphCallContext context) =>
        ListWhere(context, GraphPermissions.ReadAuthenticationMethods, "methods", _ => true);

    public static GraphResponse Get(GraphCallContext context) =>
        GetWhere(context, "methods", _ => true);

    public static Func<GraphCallContext, GraphResponse> ListOf(AuthenticationMethodKind kind) =>
        context => ListWhere(context, GraphPermissions.ReadAuthenticationMethods, kind.Segment, m => m.Type == kind.Type);

    public static Func<GraphCallContext, GraphResponse> GetOf(AuthenticationMethodKind kind) =>
        context => GetWhere(context, kind.Segment, m => m.Type == kind.Type);

    /// <summary>DELETE: 204, or Graph's refusal (<see cref="AuthenticationMethodDeleteRules"/>).</summary>
    public static Func<GraphCallContext, GraphResponse> DeleteOf(AuthenticationMethodKind kind) => context =>
    {
        var (user, error) = AuthenticationMethodAccess.Resolve(context, kind.Delete!, write: true);
        if (error is not null)
            return error;
        var methods = context.Tenant.AuthenticationMethodsOf(user!.Id);
        // Method ids are compared without case: the well-known phone and email ids are GUIDs.
        var method = methods.FirstOrDefault(m => m.Type == kind.Type && string.Equals(m.Id, context.RouteValues[1], StringComparison.OrdinalIgnoreCase));
        if (method is null)
            return GraphResponse.NotFound(context.RouteValues[1]);
        if (AuthenticationMethodDeleteRules.Refusal(method, methods) is { } refused)
            return refused;
        return context.Tenant.RemoveAuthenticationMethod(user.Id, method.Id) ? GraphResponse.NoContent() : GraphResponse.NotFound(method.Id);
    };

    private static GraphResponse ListWhere(GraphCallContext context, PermissionRequirement permission, string segment, Func<AuthenticationMethodRecord, bool> ofType)
    {
        var (user, error) = AuthenticationMethodAccess.Resolve(context, permission, write: false);
        if (error is not null)
            return error;
        if (AuthenticationMethodAccess.RefuseQueryOptions(context) is { } refused)
            return refused;
        var now = context.Tenant.Now();
        var items = context.Tenant.AuthenticationMethodsOf(user!.Id).Where(ofType)
            .Select(m => (JsonNode)AuthenticationMethodProjection.Item(m, now)).ToArray();
        return GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = GraphContext.Collection($"users('{user.Id}')/authentication/{segment}", null),
            ["value"] = new JsonArray(items),
        });
    }

    private static GraphResponse GetWhere(GraphCallContext context, string segment, Func<AuthenticationMethodRecord, bool> ofType)
    {
        var (user, error) = AuthenticationMethodAccess.Resolve(context, GraphPermissions.ReadAuthenticationMethods, write: false);
        if (error is not null)
            return error;
        if (AuthenticationMethodAccess.RefuseQueryOptions(context) is { } refused)
            return refused;
        var method = context.Tenant.FindAuthenticationMethod(user!.Id, context.RouteValues[1]);
        if (method is null || !ofType(method))
            return GraphResponse.NotFound(context.RouteValues[1]);
        // The docs' single-GET examples wrap the entity in "value"; CONTRACT §7 reads that as a docs quirk: the entity
        // comes at top level, with its @odata.context.
        var json = AuthenticationMethodProjection.Item(method, context.Tenant.Now());
        var body = new JsonObject { ["@odata.context"] = GraphContext.Entity($"users('{user.Id}')/authentication/{segment}", null) };
        foreach (var (name, value) in json)
            body[name] = value?.DeepClone();
        return GraphResponse.Ok(body);
    }
}
