using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// GET /domains (domain-list page; CSDL v1.0 domain): every domain added to the tenant, verified or not, with id (the
/// name), isVerified, isDefault, isInitial, authenticationType and supportedServices. The page lists no paging and no
/// query options, and a tenant has few domains: one page, and any option is refused rather than ignored.
/// </summary>
internal static class DomainHandlers
{
    public static readonly EntityProperties<DomainView> Properties = new(
        "microsoft.graph.domain",
        ("authenticationType", d => d.AuthenticationType),
        ("availabilityStatus", _ => null),
        ("id", d => d.Name),
        ("isAdminManaged", _ => true),
        ("isDefault", d => d.IsDefault),
        ("isInitial", d => d.IsInitial),
        ("isRoot", _ => true),
        ("isVerified", d => d.IsVerified),
        ("supportedServices", d => new JsonArray(d.SupportedServices.Select(s => (JsonNode)s).ToArray())));

    public static GraphResponse List(GraphCallContext context)
    {
        if (context.Query.Has("$filter") || context.Query.Has("$top") || context.Query.Has("$orderby") || context.Query.Has("$search")
            || context.Query.Has("$count") || context.Query.Has("$expand") || context.Query.Has("$skip") || context.Query.Has("$skiptoken"))
            return GraphResponse.UnsupportedQuery();
        if (!Properties.TryResolveSelect(context.Query.Select, out var select, out var error))
            return error!;
        return GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = GraphContext.Collection("domains", select),
            ["value"] = new JsonArray(Of(context.Tenant.Info).Select(d => (JsonNode)Properties.Project(d, select)).ToArray()),
        });
    }

    /// <summary>The verified domains, then those added but not verified (which support no service yet).</summary>
    public static IEnumerable<DomainView> Of(TenantRecord tenant) =>
        tenant.VerifiedDomains.Select(d => new DomainView(d.Name, true, d.IsDefault, d.IsInitial, d.Type,
                d.Capabilities.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToArray()))
            .Concat(tenant.UnverifiedDomains.Select(name => new DomainView(name, false, false, false, "Managed", [])));

    internal sealed record DomainView(string Name, bool IsVerified, bool IsDefault, bool IsInitial, string AuthenticationType, IReadOnlyList<string> SupportedServices);
}
