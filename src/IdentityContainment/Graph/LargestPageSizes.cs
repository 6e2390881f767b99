namespace IdentityContainment.Graph;

/// <summary>
/// The largest $top each Graph list takes, by the collection a path lists (its last segment). Fewer, larger pages
/// mean fewer requests against the same throttling budget. A list whose largest page is not known gets no
/// $top at all: Graph may refuse a $top above its limit (GET /users answers 400 "Invalid page size specified: '1000'.
/// Must be between 1 and 999 inclusive.", Microsoft Q&amp;A 1129204), and the paging docs say an API may instead ignore
/// it or clamp it, so a guessed value could fail the whole read. A size is listed only where the docs state it or Graph
/// is publicly seen taking it.
/// </summary>
internal static class LargestPageSizes
{
    private static readonly Dictionary<string, int> ByCollection = new(StringComparer.OrdinalIgnoreCase)
    {
        // Directory users: default 100, $top up to 999 (paging docs' /users example; Microsoft Q&A 120381 and 1129204,
        // the latter quoting Graph's own 400 for 1000).
        ["users"] = 999,

        // "The default and maximum page size is 100 service principal objects" (serviceprincipal-list, current Learn page).
        ["servicePrincipals"] = 100,

        // "The maximum and default page size is 1,000 objects" (signin-list; CONTRACT §9).
        ["signIns"] = 1000,

        // "The maximum page size with $top is 500 objects" (riskyuser-list).
        ["riskyUsers"] = 500,

        // Delegated grants: their docs pages (oauth2permissiongrant-list, user-list-oauth2permissiongrants) list $top with
        // no size, but Graph is seen taking $top=999 on this very list: Get-MgOauth2PermissionGrant -PageSize 999 -All
        // reads the whole list (msgraph-sdk-powershell issue 2469), and 999 is the bound of the directory objects they
        // are (as for users above). At the default of 100 a tenant with 100,000 grants costs 1,001 sequential pages.
        ["oauth2PermissionGrants"] = 999,

        // No stated limit, so no $top (each list's docs page lists $top as supported or says nothing of a size):
        // directoryAudits (directoryaudit-list: "$top" with no size), appRoleAssignments and appRoleAssignedTo,
        // registeredDevices and ownedDevices, messageRules (Outlook's maximum is undocumented), authentication methods.
    };

    /// <summary>The largest $top for the list at <paramref name="path"/>; null when the docs state none.</summary>
    public static int? For(string path)
    {
        string bare = path.Split('?')[0].TrimEnd('/');
        string[] segments = bare.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

        // A type-cast segment (/registeredDevices/microsoft.graph.device) narrows the list it follows.
        string? collection = segments.LastOrDefault(s => !s.StartsWith("microsoft.graph.", StringComparison.OrdinalIgnoreCase));
        return collection is not null && ByCollection.TryGetValue(collection, out int top) ? top : null;
    }
}
