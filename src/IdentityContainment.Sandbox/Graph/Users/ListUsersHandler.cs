using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>GET /users with $select, $filter, $top and paging through @odata.nextLink.</summary>
internal static class ListUsersHandler
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 999;

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
        if (!query.TopIsValid(MaxPageSize))
            return GraphResponse.Error(400, "Request_BadRequest", $"Invalid page size specified: '{query.Get("$top")}'. Must be between 1 and {MaxPageSize} inclusive.");
        if (!UserProjection.TryResolveSelect(query.Select, out var select, out var unknown))
            return GetUserHandler.UnknownProperty(unknown!);

        Func<UserRecord, bool> match = _ => true;
        if (query.Filter is { Length: > 0 } filter)
        {
            try
            {
                match = ODataFilter.Compile(filter, UserFilter.Properties);
            }
            catch (FilterException e)
            {
                return e.Unsupported ? GraphResponse.UnsupportedQuery() : GraphResponse.Error(400, "BadRequest", $"Invalid filter clause: {e.Message}");
            }
            catch (TooManyClausesException e)
            {
                return GraphResponse.Error(400, "Request_UnsupportedQuery", e.Message);
            }
        }
        string? afterId = null;
        if (query.SkipToken is { } token && !TryReadSkipToken(token, out afterId))
            return GraphResponse.Error(400, "Request_BadRequest", "The specified page token value has expired or is invalid.");

        var (page, hasMore) = context.Tenant.PageUsers(match, afterId, query.Top ?? DefaultPageSize);
        var basicOnly = !GraphPermissions.ReadFullUserProfile.IsSatisfiedBy(context.Caller);
        var body = new JsonObject { ["@odata.context"] = GraphContext.Collection("users", select) };
        // $count needs the advanced-query header; without it Graph silently ignores it (CONTRACT §0).
        if (afterId is null && string.Equals(query.Get("$count"), "true", StringComparison.OrdinalIgnoreCase)
            && context.Request.Header("ConsistencyLevel") is "eventual")
            body["@odata.count"] = context.Tenant.Users.Count(match);
        if (hasMore)
            body["@odata.nextLink"] = NextLink(context, page[^1].Id);
        body["value"] = new JsonArray(page.Select(u => (JsonNode)UserProjection.Project(u, select, basicOnly)).ToArray());
        return GraphResponse.Ok(body);
    }

    // The token is opaque to clients; it carries the last id served, so paging resumes correctly
    // even when users are changed between pages.
    private static string NextLink(GraphCallContext context, string lastId)
    {
        var rest = context.Query.Rebuild("$skiptoken");
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("users:" + lastId));
        return $"{context.Request.GraphBaseUri}/users?{rest}{(rest.Length > 0 ? "&" : "")}$skiptoken={token}";
    }

    private static bool TryReadSkipToken(string token, out string? afterId)
    {
        afterId = null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (!text.StartsWith("users:", StringComparison.Ordinal))
                return false;
            afterId = text["users:".Length..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
