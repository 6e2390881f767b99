namespace IdentityContainment.Benchmarks.OAuthHunt;

/// <summary>What one Graph operation of the hunt was for, told from its path (the sandbox logs paths below the version).</summary>
internal enum HuntRequestKind
{
    /// <summary>A page of GET /oauth2PermissionGrants, the tenant's whole list (first page or @odata.nextLink).</summary>
    GrantPage,

    /// <summary>GET /servicePrincipals/{id}: one app named by a grant.</summary>
    ServicePrincipalRead,

    /// <summary>GET /oauth2PermissionGrants?$filter=clientId eq '…'&amp;$top=…: how many users consented to one app.</summary>
    ConsenterCount,

    /// <summary>GET /servicePrincipals(appId='…'): finding Graph, Exchange Online or SharePoint by app id.</summary>
    DataApiLookup,

    /// <summary>GET /servicePrincipals/{id}/appRoleAssignedTo: the application permissions on a data API.</summary>
    AppPermissionList,

    /// <summary>GET /auditLogs/directoryAudits: consent times (only with -Since).</summary>
    Audit,

    /// <summary>GET /organization: Connect-IdentityContainment's proof that the connection works.</summary>
    ConnectionProbe,

    Other,
}

internal static class HuntRequestKinds
{
    public static HuntRequestKind Of(string loggedPath)
    {
        string path = Uri.UnescapeDataString(loggedPath);
        string bare = path.Split('?')[0].TrimEnd('/');
        if (bare.Equals("/oauth2PermissionGrants", StringComparison.OrdinalIgnoreCase))
        {
            return path.Contains("clientId eq", StringComparison.OrdinalIgnoreCase) ? HuntRequestKind.ConsenterCount : HuntRequestKind.GrantPage;
        }

        if (bare.StartsWith("/servicePrincipals(", StringComparison.OrdinalIgnoreCase))
        {
            return HuntRequestKind.DataApiLookup;
        }

        if (bare.StartsWith("/servicePrincipals/", StringComparison.OrdinalIgnoreCase))
        {
            return bare.EndsWith("/appRoleAssignedTo", StringComparison.OrdinalIgnoreCase) ? HuntRequestKind.AppPermissionList
                : bare.Count(c => c == '/') == 2 ? HuntRequestKind.ServicePrincipalRead
                : HuntRequestKind.Other;
        }

        if (bare.StartsWith("/auditLogs/directoryAudits", StringComparison.OrdinalIgnoreCase))
        {
            return HuntRequestKind.Audit;
        }

        return bare.Equals("/organization", StringComparison.OrdinalIgnoreCase) ? HuntRequestKind.ConnectionProbe : HuntRequestKind.Other;
    }

    /// <summary>The object id in GET /servicePrincipals/{id}.</summary>
    public static string ServicePrincipalId(string loggedPath) => Uri.UnescapeDataString(loggedPath).Split('?')[0].Split('/')[2];
}
