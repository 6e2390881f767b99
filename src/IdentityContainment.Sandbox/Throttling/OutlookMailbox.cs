namespace IdentityContainment.Sandbox;

/// <summary>
/// Which mailbox an Outlook request is counted on. Graph evaluates Outlook's limits per app ID and mailbox, for the
/// message, mailFolder, messageRule, mailboxSettings, event and contact families (throttling-limits.md "Outlook service
/// limits", CONTRACT §13), so every /users/{id}/... and /me/... path of those families counts, whether or not the sandbox
/// serves it yet. A UPN and an object id name the same mailbox: the sandbox resolves both to the user, so a client
/// cannot get past the limit by naming one mailbox two ways.
/// </summary>
internal static class OutlookMailbox
{
    private static readonly HashSet<string> Families = new(StringComparer.OrdinalIgnoreCase)
    {
        "messages", "mailFolders", "mailboxSettings", "inferenceClassification", "outlook", "events", "calendar",
        "calendars", "calendarGroups", "calendarView", "contacts", "contactFolders",
    };

    /// <summary>The mailbox the request is counted on, or null when it is not an Outlook request.</summary>
    public static string? Of(IReadOnlyList<string> segments, CallerIdentity caller, TenantState tenant)
    {
        if (segments.Count >= 2 && string.Equals(segments[0], "me", StringComparison.OrdinalIgnoreCase) && Families.Contains(segments[1]))
            return caller.ObjectId;
        if (segments.Count >= 3 && string.Equals(segments[0], "users", StringComparison.OrdinalIgnoreCase) && Families.Contains(segments[2]))
            return tenant.FindUser(segments[1])?.Id ?? segments[1].ToLowerInvariant();
        return null;
    }
}
