namespace IdentityContainment.Graph.Budgets;

/// <summary>
/// Tells from a request's method and its path below the version root (/users/{id}/messages?$top=5) which service limit
/// Graph counts it against. The resource families come from throttling-limits.md (CONTRACT §13): the identity and access
/// service's directory objects, Identity Protection and Conditional Access, the identity and access reports (audit logs
/// and authentication methods) and Outlook's mailbox resources.
/// </summary>
public static class RequestClassifier
{
    /// <summary>Top-level collections of the identity and access service (throttling-identity-and-access).</summary>
    private static readonly HashSet<string> DirectoryRoots = new(StringComparer.OrdinalIgnoreCase)
    {
        "users", "groups", "devices", "servicePrincipals", "applications", "applicationTemplates", "oauth2PermissionGrants",
        "directoryObjects", "directoryRoles", "directoryRoleTemplates", "domains", "organization", "contacts",
        "administrativeUnits", "invitations", "subscribedSkus", "servicePrincipalsByAppId", "applicationsByAppId",
    };

    /// <summary>
    /// What follows /users/{id}/ for Outlook's resources (message, mailFolder, messageRule, mailboxSettings, event,
    /// contact...). Inbox rules live below mailFolders ("/mailFolders/inbox/messageRules"), so they are covered.
    /// </summary>
    private static readonly HashSet<string> OutlookSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "messages", "mailFolders", "mailboxSettings", "inferenceClassification", "outlook", "events", "calendar",
        "calendars", "calendarGroups", "calendarView", "contacts", "contactFolders",
    };

    public static ClassifiedRequest Classify(string method, string relativeUrl)
    {
        IReadOnlyList<string> segments = Segments(relativeUrl);
        if (segments.Count == 0)
        {
            return ClassifiedRequest.Unbudgeted;
        }

        string root = segments[0];
        if (segments.Count == 1 && root == "$batch")
        {
            return new ClassifiedRequest(RequestClass.BatchEnvelope);
        }

        if (Is(root, "identityProtection") || (Is(root, "identity") && segments.Count > 1 && Is(segments[1], "conditionalAccess")))
        {
            return new ClassifiedRequest(RequestClass.IdentityProtection);
        }

        if (Is(root, "auditLogs") || IsAuthenticationMethods(root, segments))
        {
            return new ClassifiedRequest(RequestClass.AuditLogs);
        }

        // /me/... is the signed-in user's own mailbox; /users/{id}/... names it. A third segment is needed: /users/messages
        // is a user whose id is "messages", a directory read like any other.
        if (Is(root, "me") && segments.Count >= 2 && OutlookSegments.Contains(segments[1]))
        {
            return new ClassifiedRequest(RequestClass.Outlook, "me");
        }

        if (Is(root, "users") && segments.Count >= 3 && OutlookSegments.Contains(segments[2]))
        {
            // The mailbox is keyed by the user segment as written, ignoring case. A UPN and an object id name the same
            // mailbox under two keys; the engine addresses a user's mailbox the one way its reader resolved it, and should
            // both forms ever meet, Graph's 429 for the fifth request is retried (RetryPolicy), so the cost is a retry.
            return new ClassifiedRequest(RequestClass.Outlook, segments[1].ToLowerInvariant());
        }

        if (DirectoryRoots.Contains(root) || Is(root, "me"))
        {
            return new ClassifiedRequest(IsWrite(method) ? RequestClass.IdentityWrite : RequestClass.IdentityRead);
        }

        return ClassifiedRequest.Unbudgeted;
    }

    /// <summary>
    /// A user's authentication methods (/users/{id}/authentication/..., /me/authentication/...): reads, deletes and the
    /// resetPassword action alike. The authenticationMethod resource is listed under the identity and access *reports*
    /// limits ("Any | 5 requests per 10 seconds" per app per tenant; microsoft-graph-docs-contrib
    /// includes/throttling-aad-reports.md, which names authenticationMethod beside signIn and directoryAudit), not
    /// among the identity and access resources the resource-unit bucket covers (includes/throttling-identity-and-access.md
    /// lists user, device, group... and no authentication method). Graph serves them from another service too (its
    /// errors name mface.windowsazure.com: msgraph-sdk-powershell issue 937), so the directory's budget does not hold.
    /// </summary>
    private static bool IsAuthenticationMethods(string root, IReadOnlyList<string> segments) =>
        (Is(root, "users") && segments.Count >= 3 && Is(segments[2], "authentication"))
        || (Is(root, "me") && segments.Count >= 2 && Is(segments[1], "authentication"));

    public static bool IsWrite(string method) =>
        !string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) && !string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The path's segments, decoded, without the query, a leading version ("/v1.0/users" as batch urls may be written) or
    /// key syntax: users('a@b.com') counts as users/a@b.com.
    /// </summary>
    private static IReadOnlyList<string> Segments(string relativeUrl)
    {
        int query = relativeUrl.IndexOf('?');
        string path = query < 0 ? relativeUrl : relativeUrl.Substring(0, query);
        var segments = new List<string>();
        foreach (string raw in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string segment = Uri.UnescapeDataString(raw);
            int open = segment.IndexOf('(');
            if (open > 0 && segment.EndsWith(")", StringComparison.Ordinal))
            {
                segments.Add(segment.Substring(0, open));
                segments.Add(segment.Substring(open + 1, segment.Length - open - 2).Trim('\''));
            }
            else
            {
                segments.Add(segment);
            }
        }

        if (segments.Count > 0 && (Is(segments[0], "v1.0") || Is(segments[0], "beta")))
        {
            segments.RemoveAt(0);
        }

        return segments;
    }

    private static bool Is(string segment, string name) => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase);
}
