namespace IdentityContainment.Detection.OAuth;

/// <summary>
/// What a permission lets an app do, by name, as consent-phishing investigations have found it. Names compare without
/// case. A permission is judged with its kind (delegated scope or application role) and its resource: the same word
/// means different things on different APIs, and application roles are never found among delegated scopes.
/// </summary>
public static class PermissionCatalogue
{
    /// <summary>
    /// Delegated scopes that read or write the user's mail, contacts, files, notes or settings: on Graph, and the same
    /// names on Office 365 Exchange Online (its Outlook REST scopes) and SharePoint Online (its site and file scopes).
    /// </summary>
    private static readonly string[] UserDataRoots = { "Mail.", "Contacts.", "MailboxSettings.", "People.", "Files.", "Notes.", "Calendars.", "AllSites.", "MyFiles.", "Sites." };

    /// <summary>Mail scopes that show only headers, not content.</summary>
    private static readonly HashSet<string> HeadersOnly = new(StringComparer.OrdinalIgnoreCase) { "Mail.ReadBasic", "Mail.ReadBasic.All", "Mail.ReadBasic.Shared" };

    /// <summary>Delegated scopes that act as the user everywhere the user can act.</summary>
    private static readonly HashSet<string> ActAsUser = new(StringComparer.OrdinalIgnoreCase) { "Directory.AccessAsUser.All", "user_impersonation" };

    /// <summary>Exchange protocols' delegated scopes: the whole mailbox over EWS, IMAP, POP, ActiveSync, or sending as the user.</summary>
    private static readonly HashSet<string> MailboxProtocols = new(StringComparer.OrdinalIgnoreCase)
    {
        "EWS.AccessAsUser.All", "full_access_as_user", "IMAP.AccessAsUser.All", "POP.AccessAsUser.All", "SMTP.Send", "EAS.AccessAsUser.All",
    };

    /// <summary>Exchange application roles: every mailbox in the tenant, or Exchange administration, with no user at all.</summary>
    private static readonly HashSet<string> ExchangeAppRoles = new(StringComparer.OrdinalIgnoreCase) { "full_access_as_app", "Exchange.ManageAsApp" };

    /// <summary>Permissions (delegated or application) that change who can do what across the tenant.</summary>
    private static readonly HashSet<string> BroadImpact = new(StringComparer.OrdinalIgnoreCase)
    {
        "Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "Directory.ReadWrite.All", "Domain.ReadWrite.All",
        "Group.ReadWrite.All", "Member.Read.Hidden", "RoleManagement.ReadWrite.Directory", "User.ReadWrite.All",
        "User.ManageCreds.All", "User.Export.All", "UserAuthenticationMethod.ReadWrite.All",
        "DelegatedPermissionGrant.ReadWrite.All", "Sites.FullControl.All", "Sites.Manage.All",
    };

    /// <summary>The scope that turns a one-hour grant into a lasting one: refresh tokens.</summary>
    public const string OfflineAccess = "offline_access";

    /// <summary>Splits a grant's scope string (space-separated; Graph may send a leading space) into names.</summary>
    public static IReadOnlyList<string> SplitScopes(string? scope) =>
        (scope ?? string.Empty).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A delegated scope on a data API (Graph, Exchange Online, SharePoint) that reaches the user's data, or acts as the user on any API.</summary>
    public static bool IsUserDataScope(string scope, string? resourceAppId) =>
        ActAsUser.Contains(scope)
        || (resourceAppId is not null && WellKnownApps.DataResources.Contains(resourceAppId)
            && !HeadersOnly.Contains(scope) && UserDataRoots.Any(root => scope.StartsWith(root, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A delegated mailbox-protocol scope, on Exchange Online (or Graph, where IMAP, POP and SMTP also live).</summary>
    public static bool IsMailboxProtocolScope(string scope, string? resourceAppId) =>
        (IsExchange(resourceAppId) || IsGraph(resourceAppId)) && MailboxProtocols.Contains(scope);

    public static bool IsBroadImpact(string permission, string? resourceAppId) =>
        IsGraph(resourceAppId) && (BroadImpact.Contains(permission) || permission.StartsWith("Policy.ReadWrite.", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// An application role that reaches data or the directory without a user: any Exchange role above, or a Graph or
    /// SharePoint role that reads or writes mail, files, sites, contacts, calendars, chats, users or the directory.
    /// </summary>
    public static bool IsDataApplicationRole(string role, string? resourceAppId)
    {
        if (IsExchange(resourceAppId))
        {
            return ExchangeAppRoles.Contains(role) || role.StartsWith("Mail.", StringComparison.OrdinalIgnoreCase) || role.StartsWith("Mailbox", StringComparison.OrdinalIgnoreCase);
        }

        if (!IsGraph(resourceAppId) && !string.Equals(resourceAppId, WellKnownApps.SharePointOnline, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string[] dataRoots = { "Mail.", "MailboxSettings.", "Files.", "Sites.", "Contacts.", "Calendars.", "Chat.", "ChannelMessage.", "Notes.", "User.", "Directory.", "Group.", "People." };
        return IsBroadImpact(role, WellKnownApps.MicrosoftGraph) || dataRoots.Any(root => role.StartsWith(root, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsGraph(string? appId) => string.Equals(appId, WellKnownApps.MicrosoftGraph, StringComparison.OrdinalIgnoreCase);

    private static bool IsExchange(string? appId) => string.Equals(appId, WellKnownApps.ExchangeOnline, StringComparison.OrdinalIgnoreCase);
}
