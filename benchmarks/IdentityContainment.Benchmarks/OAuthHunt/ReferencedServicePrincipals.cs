using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.OAuthHunt;

/// <summary>
/// The service principals a whole-tenant hunt has to know, by the sandbox's own state: the client and resource of
/// every delegated grant, and both ends of every application permission on the three data APIs.
/// </summary>
internal static class ReferencedServicePrincipals
{
    // The data APIs by their well-known app ids (Microsoft Graph, Exchange Online, SharePoint Online), the same ones
    // the hunt looks up; the benchmark does not reference the module's code, so they are named here.
    private static readonly string[] DataApiAppIds =
    [
        "00000003-0000-0000-c000-000000000000",
        "00000002-0000-0ff1-ce00-000000000000",
        "00000003-0000-0ff1-ce00-000000000000",
    ];

    public static HashSet<string> Of(TenantState tenant)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (PermissionGrantRecord grant in tenant.PermissionGrants)
        {
            ids.Add(grant.ClientId);
            ids.Add(grant.ResourceId);
        }

        var dataApis = DataApiAppIds.Select(tenant.FindServicePrincipalByAppId).OfType<ServicePrincipalRecord>().Select(sp => sp.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (AppRoleAssignmentRecord assignment in tenant.AppRoleAssignments.Where(a => dataApis.Contains(a.ResourceId) && a.PrincipalType == "ServicePrincipal"))
        {
            ids.Add(assignment.PrincipalId);
            ids.Add(assignment.ResourceId);
        }

        return ids;
    }
}
