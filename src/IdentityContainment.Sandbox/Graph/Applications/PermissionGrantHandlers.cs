using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// oauth2PermissionGrants (CONTRACT §4): the tenant's list (paged, $filter), one grant, its deletion, its creation
/// (what restoring a removed grant needs), and a user's own grants.
/// </summary>
internal static class PermissionGrantHandlers
{
    public static GraphResponse List(GraphCallContext context)
    {
        var (query, error) = CollectionQuery<PermissionGrantRecord>.Read(context, PermissionGrantProjection.Properties,
            PermissionGrantProjection.Filterable, CollectionPageSizes.Directory);
        if (error is not null)
            return error;
        // Paged from the tenant's id index: a tenant with 100,000 grants is not sorted again for each page.
        var (page, hasMore) = context.Tenant.PagePermissionGrants(query!.Match, query.Paging.AfterKey, query.Paging.Size);
        return query.Answer(PermissionGrantProjection.EntitySet, page, hasMore, g => g.Id, PermissionGrantProjection.Properties);
    }

    /// <summary>
    /// GET users/{id}/oauth2PermissionGrants: "only ... delegated permissions grants that are specifically for the given
    /// user", so AllPrincipals grants are not among them (CONTRACT §4).
    /// </summary>
    public static GraphResponse ListForUser(GraphCallContext context)
    {
        var (query, error) = CollectionQuery<PermissionGrantRecord>.Read(context, PermissionGrantProjection.Properties,
            PermissionGrantProjection.Filterable, CollectionPageSizes.Directory);
        if (error is not null)
            return error;
        var user = context.Tenant.FindUser(context.RouteValues[0]);
        if (user is null)
            return GraphResponse.NotFound(context.RouteValues[0]);
        var (page, hasMore) = context.Tenant.PagePermissionGrants(
            g => g.ConsentType == ConsentTypes.Principal && string.Equals(g.PrincipalId, user.Id, StringComparison.OrdinalIgnoreCase) && query!.Match(g),
            query!.Paging.AfterKey, query.Paging.Size);
        return query.Answer(PermissionGrantProjection.EntitySet, page, hasMore, g => g.Id, PermissionGrantProjection.Properties);
    }

    public static GraphResponse Get(GraphCallContext context)
    {
        if (!PermissionGrantProjection.Properties.TryResolveSelect(context.Query.Select, out var select, out var error))
            return error!;
        var grant = context.Tenant.FindPermissionGrant(context.RouteValues[0]);
        return grant is null
            ? GraphResponse.NotFound(context.RouteValues[0])
            : GraphResponse.Ok(PermissionGrantProjection.Entity(grant, select));
    }

    /// <summary>DELETE: 204. Access tokens already issued stay valid until they expire (CONTRACT §4).</summary>
    public static GraphResponse Delete(GraphCallContext context) =>
        context.Tenant.RemovePermissionGrant(context.RouteValues[0])
            ? GraphResponse.NoContent()
            : GraphResponse.NotFound(context.RouteValues[0]);

    /// <summary>
    /// POST oauth2PermissionGrants: 201 with the new grant (oauth2permissiongrant-post page). A second grant for the
    /// same client, resource and user is refused with 409 Request_MultipleObjectsWithSameKeyValue "Permission entry
    /// already exists." (observed: terraform-provider-azuread issue 690).
    /// </summary>
    public static GraphResponse Create(GraphCallContext context)
    {
        var (grant, error) = PermissionGrantBody.Read(context.Request.Body, context.Tenant);
        if (error is not null)
            return error;
        if (!context.Tenant.TryAddPermissionGrant(grant!))
            return GraphResponse.Error(409, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.");
        return new GraphResponse(201, PermissionGrantProjection.Entity(grant!, null));
    }
}
