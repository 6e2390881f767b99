using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>GET /organization and /organization/{id}: the tenant itself.</summary>
internal static class OrganizationHandlers
{
    /// <summary>A collection of one, paged like every other: a client that pages generically meets no exception here.</summary>
    public static GraphResponse List(GraphCallContext context)
    {
        if (!TryProject(context, out var organization, out var error))
            return error!;
        var (paging, pagingError) = CollectionPaging.Read(context, CollectionPageSizes.Directory);
        if (pagingError is not null)
            return pagingError;
        var (page, _) = paging!.Take([organization!], _ => context.Tenant.Info.Id);
        return GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = GraphContext.Collection("organization", Selected(context)),
            ["value"] = new JsonArray(page.ToArray<JsonNode>()),
        });
    }

    public static GraphResponse Get(GraphCallContext context)
    {
        if (!string.Equals(context.RouteValues[0], context.Tenant.TenantId, StringComparison.OrdinalIgnoreCase))
            return GraphResponse.NotFound(context.RouteValues[0]);
        if (!TryProject(context, out var organization, out var error))
            return error!;
        organization!.Insert(0, "@odata.context", GraphContext.Entity("organization", Selected(context)));
        return GraphResponse.Ok(organization);
    }

    private static IReadOnlyList<string>? Selected(GraphCallContext context) =>
        context.Query.Select?.Select(n => Properties(context.Tenant.Info).Keys.First(k => string.Equals(k, n, StringComparison.OrdinalIgnoreCase))).ToArray();

    private static bool TryProject(GraphCallContext context, out JsonObject? organization, out GraphResponse? error)
    {
        var all = Properties(context.Tenant.Info);
        organization = null;
        error = null;
        if (context.Query.Select is { } select)
        {
            var unknown = select.FirstOrDefault(n => !all.Keys.Any(k => string.Equals(k, n, StringComparison.OrdinalIgnoreCase)));
            if (unknown is not null)
            {
                error = GraphResponse.Error(400, "Request_BadRequest", $"Could not find a property named '{unknown}' on type 'microsoft.graph.organization'.");
                return false;
            }
            organization = new JsonObject();
            foreach (var name in Selected(context)!)
                organization[name] = all[name]?.DeepClone();
            return true;
        }
        organization = new JsonObject(all.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        return true;
    }

    private static Dictionary<string, JsonNode?> Properties(TenantRecord tenant) => new(StringComparer.Ordinal)
    {
        ["id"] = tenant.Id,
        ["deletedDateTime"] = null,
        ["businessPhones"] = new JsonArray(),
        ["city"] = null,
        ["country"] = null,
        ["countryLetterCode"] = tenant.CountryLetterCode,
        ["createdDateTime"] = tenant.CreatedDateTime is { } created ? GraphTime.Format(created) : null,
        ["displayName"] = tenant.DisplayName,
        ["marketingNotificationEmails"] = new JsonArray(),
        ["onPremisesLastSyncDateTime"] = null,
        ["onPremisesSyncEnabled"] = null,
        ["preferredLanguage"] = "en",
        ["securityComplianceNotificationMails"] = new JsonArray(),
        ["securityComplianceNotificationPhones"] = new JsonArray(),
        ["technicalNotificationMails"] = new JsonArray(),
        ["tenantType"] = tenant.TenantType,
        ["verifiedDomains"] = new JsonArray(tenant.VerifiedDomains.Select(d => (JsonNode)new JsonObject
        {
            ["capabilities"] = d.Capabilities,
            ["isDefault"] = d.IsDefault,
            ["isInitial"] = d.IsInitial,
            ["name"] = d.Name,
            ["type"] = d.Type,
        }).ToArray()),
    };
}
