using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Identity Protection's risky users: POST identityProtection/riskyUsers/confirmCompromised and
/// dismiss (204), GET identityProtection/riskyUsers (paged) and riskyUsers/{id}. Throttled at 1 request
/// per second per tenant with no Retry-After (the route table puts them in that class).
/// </summary>
internal static class RiskyUserHandlers
{
    /// <summary>
    /// Users one call may name. Documented for dismiss ("The maximum count of users to dismiss in one call is 60", beta
    /// riskyUsers-dismiss page, added after microsoft-graph-docs issue 11610); the confirmCompromised page states no
    /// bound, so the sandbox holds it to the same 60 as its chosen refusal bound (the same service takes both).
    /// </summary>
    public const int MaxUsersPerCall = 60;

    public static GraphResponse ConfirmCompromised(GraphCallContext context) =>
        Apply(context, r => r with { RiskLevel = "high", RiskState = "confirmedCompromised", RiskDetail = "adminConfirmedUserCompromised" });

    public static GraphResponse Dismiss(GraphCallContext context) =>
        Apply(context, r => r with { RiskLevel = "none", RiskState = "dismissed", RiskDetail = "adminDismissedAllRiskForUser" });

    public static GraphResponse List(GraphCallContext context)
    {
        var query = context.Query;
        // Graph filters risky users ($filter on riskLevel, riskState...); the sandbox does not model those filters and
        // refuses them rather than answer with an unfiltered list.
        if (query.Has("$filter") || query.Has("$orderby") || query.Has("$search") || query.Has("$expand") || query.Has("$skip") || query.Has("$count"))
            return GraphResponse.UnsupportedQuery();
        if (!RiskyUserProjection.Properties.TryResolveSelect(query.Select, out var select, out var error))
            return error!;
        var (paging, pagingError) = CollectionPaging.Read(context, CollectionPageSizes.RiskyUsers);
        if (pagingError is not null)
            return pagingError;
        var (page, hasMore) = paging!.Take(context.Tenant.RiskyUsers.OrderBy(r => r.Id, StringComparer.Ordinal), r => r.Id);
        return paging.Answer(
            new JsonObject { ["@odata.context"] = GraphContext.Collection("identityProtection/riskyUsers", select) },
            page,
            hasMore,
            r => r.Id,
            r => RiskyUserProjection.Properties.Project(r, select));
    }

    public static GraphResponse Get(GraphCallContext context)
    {
        if (!RiskyUserProjection.Properties.TryResolveSelect(context.Query.Select, out var select, out var error))
            return error!;
        var risky = context.Tenant.FindRiskyUser(context.RouteValues[0]);
        // Identity Protection's own 404 body is not documented; the directory's shape is the closest we know.
        return risky is null
            ? GraphResponse.NotFound(context.RouteValues[0])
            : GraphResponse.Ok(RiskyUserProjection.Entity(risky, select));
    }

    private static GraphResponse Apply(GraphCallContext context, Func<RiskyUserRecord, RiskyUserRecord> change)
    {
        var (ids, error) = RiskyUserIds.Read(context.Request.Body);
        if (error is not null)
            return error;
        // Graph's wording for this refusal is not documented; the text is ours. Nothing applies, as for any 400.
        if (ids!.Count > MaxUsersPerCall)
            return GraphResponse.Error(400, "BadRequest", $"userIds names {ids.Count} users; one call takes at most {MaxUsersPerCall}. Send the rest in further calls.");
        var now = context.Tenant.Now();
        foreach (var id in ids!)
        {
            // What real Graph does with an id that is no user is not documented (and could not be
            // looked up): the sandbox is lenient and skips it, so the rest of the list still applies.
            var user = context.Tenant.FindUser(id);
            if (user is null)
                continue;
            // A user Identity Protection never flagged gets a record now, as confirming creates one.
            context.Tenant.UpdateRiskyUser(user.Id, r => change(r) with
            {
                RiskLastUpdatedDateTime = now,
                UserDisplayName = user.DisplayName,
                UserPrincipalName = user.UserPrincipalName,
            });
        }
        return GraphResponse.NoContent();
    }
}
