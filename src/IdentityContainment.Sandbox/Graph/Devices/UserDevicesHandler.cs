using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// GET users/{id}/registeredDevices and users/{id}/ownedDevices (also with the cast segment
/// /microsoft.graph.device): directoryObject collections whose items are devices, with $select, $top and paging.
/// </summary>
internal static class UserDevicesHandler
{
    public static GraphResponse Registered(GraphCallContext context) =>
        List(context, "registeredDevices", d => d.RegisteredUsers);

    public static GraphResponse Owned(GraphCallContext context) =>
        List(context, "ownedDevices", d => d.RegisteredOwners);

    private static GraphResponse List(GraphCallContext context, string relation, Func<DeviceRecord, IReadOnlyList<string>> members)
    {
        var query = context.Query;
        // The advanced queries these collections support need ConsistencyLevel and are not modelled.
        if (query.Has("$filter") || query.Has("$orderby") || query.Has("$search") || query.Has("$expand") || query.Has("$skip"))
            return GraphResponse.UnsupportedQuery();
        if (!DeviceProjection.Properties.TryResolveSelect(query.Select, out var select, out var error))
            return error!;
        var (paging, pagingError) = CollectionPaging.Read(context, CollectionPageSizes.Directory);
        if (pagingError is not null)
            return pagingError;
        var user = context.Tenant.FindUser(context.RouteValues[0]);
        if (user is null)
            return GraphResponse.NotFound(context.RouteValues[0]);

        // A caller who may list the user's objects but not read devices sees each device's type and id only (the
        // docs' "limited information"): no dates, no names.
        var limited = !GraphPermissions.ReadDevices.Or(GraphPermissions.WriteDevices).IsSatisfiedBy(context.Caller);
        var (page, hasMore) = paging!.Take(
            context.Tenant.Devices
                .Where(d => members(d).Contains(user.Id, StringComparer.OrdinalIgnoreCase))
                .OrderBy(d => d.Id, StringComparer.Ordinal),
            d => d.Id);
        return paging.Answer(
            new JsonObject { ["@odata.context"] = GraphContext.Collection("directoryObjects", select) },
            page,
            hasMore,
            d => d.Id,
            d => limited ? DeviceProjection.LimitedDirectoryObject(d) : DeviceProjection.DirectoryObject(d, select));
    }
}
