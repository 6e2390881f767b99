namespace IdentityContainment.Sandbox;

/// <summary>A resource's page sizes: what a page holds without $top, and the largest $top it accepts.</summary>
internal sealed record CollectionPageSizes(int Default, int MaxTop)
{
    /// <summary>
    /// Directory collections: "the GET /users endpoint returns a default of 100 results in a single page" and $top goes
    /// up to 999 (paging docs; the same bounds Azure AD Graph documented for directory objects). The sandbox applies them
    /// to the user's device collections as well, which are directory objects (INFERRED: their pages list no sizes).
    /// </summary>
    public static readonly CollectionPageSizes Directory = new(100, 999);

    /// <summary>
    /// Service principals: "The default and maximum page size is 100 service principal objects" (serviceprincipal-list,
    /// current Learn page). What Graph does with a larger $top is not documented (the paging docs allow an error, the
    /// maximum, or no effect), so the sandbox refuses it as it refuses any $top past a list's maximum.
    /// </summary>
    public static readonly CollectionPageSizes ServicePrincipals = new(100, 100);

    /// <summary>
    /// Risky users: "The maximum page size with $top is 500 objects" (riskyuser-list page). The default is not documented;
    /// the sandbox serves 20 a page (INFERRED), erring small so that a client which stops at one page shows it.
    /// </summary>
    public static readonly CollectionPageSizes RiskyUsers = new(20, 500);

    /// <summary>
    /// Directory audits: the directoryaudit-list page states no bounds. Its sibling in the same reports service, signIns,
    /// says "The maximum and default page size is 1,000 objects" (CONTRACT §9); the sandbox applies that (INFERRED).
    /// </summary>
    public static readonly CollectionPageSizes DirectoryAudits = new(1000, 1000);

    /// <summary>Sign-ins: "The maximum and default page size is 1,000 objects" (signin-list page, CONTRACT §9).</summary>
    public static readonly CollectionPageSizes SignIns = new(1000, 1000);

    /// <summary>
    /// Outlook collections: "If a collection exceeds the default page size (10 items), the @odata.nextLink property is
    /// returned" (user-list-mailfolders page). The messageRules list states no bounds; the sandbox applies the same there
    /// (INFERRED), erring small so a client that ignores @odata.nextLink shows it. The largest $top is not stated either;
    /// 1000 is what Outlook's message lists accept (INFERRED).
    /// </summary>
    public static readonly CollectionPageSizes Outlook = new(10, 1000);
}
