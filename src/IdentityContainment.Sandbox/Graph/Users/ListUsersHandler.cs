using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>GET /users with $select, $filter, $top and paging through @odata.nextLink.</summary>
internal static class ListUsersHandler
{
    public static GraphResponse Handle(GraphCallContext context)
    {
        var query = context.Query;
        if (query.Has("$search"))
            return context.Request.Header("ConsistencyLevel") is "eventual"
                ? GraphResponse.UnsupportedQuery()
                : GraphResponse.Error(400, "Request_UnsupportedQuery",
                    "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
        if (query.Has("$orderby") || query.Has("$expand") || query.Has("$skip"))
            return GraphResponse.UnsupportedQuery();
        var (paging, pagingError) = CollectionPaging.Read(context, CollectionPageSizes.Directory);
        if (pagingError is not null)
            return pagingError;
        if (!UserProjection.TryResolveSelect(query.Select, out var select, out var unknown))
            return GetUserHandler.UnknownProperty(unknown!);

        if (!ODataFilter.TryCompile(query.Filter, UserFilter.Properties, out var match, out var filterError))
            return filterError!;
        var (page, hasMore) = context.Tenant.PageUsers(match, paging!.AfterKey, paging.Size);
        // A list is about no single user: User.Read, which reaches only the caller's own profile, does not count here.
        var basicOnly = !SignedInUserScopes.Allow(GraphPermissions.ReadFullUserProfile, context.Caller, targetUser: null);
        var body = new JsonObject { ["@odata.context"] = GraphContext.Collection("users", select) };
        // $count needs the advanced-query header; without it Graph silently ignores it (CONTRACT §0).
        if (paging.AfterKey is null && string.Equals(query.Get("$count"), "true", StringComparison.OrdinalIgnoreCase)
            && context.Request.Header("ConsistencyLevel") is "eventual")
            body["@odata.count"] = context.Tenant.Users.Count(match);
        return paging.Answer(body, page, hasMore, u => u.Id, u => UserProjection.Project(u, select, basicOnly));
    }
}
