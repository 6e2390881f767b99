namespace IdentityContainment.Sandbox;

/// <summary>What a route handler gets: the tenant, the caller, the request, its route values and query, and how to page.</summary>
internal sealed record GraphCallContext(
    TenantState Tenant,
    CallerIdentity Caller,
    GraphRequest Request,
    IReadOnlyList<string> RouteValues,
    ODataQuery Query,
    PagingOptions Paging);
