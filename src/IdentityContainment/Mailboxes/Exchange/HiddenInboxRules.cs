using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// Which rules are hidden. A Get-InboxRule object has no property that says so (CIPP's maintainers on
/// KelvinTegelaar/CIPP#2720: "inbox rules dont have a property to show if it's hidden or not"; public collection scripts
/// compare the -IncludeHidden listing with the plain one). So a rule counts as hidden when the collector marked it
/// (a Hidden or IsHidden column, or RuleVisibility = Hidden, as such scripts write), when it is one of Exchange's own
/// hidden system rules, or when MarkAgainstVisible finds it missing from the plain listing.
/// </summary>
public static class HiddenInboxRules
{
    /// <summary>
    /// The rules of an -IncludeHidden listing with <see cref="InboxRuleFacts.Hidden"/> set on each one the plain listing
    /// (Get-InboxRule without -IncludeHidden, same mailbox) does not have. Rules are matched by Identity.
    /// </summary>
    public static IReadOnlyList<InboxRuleFacts> MarkAgainstVisible(IEnumerable<InboxRuleFacts> includeHidden, IEnumerable<InboxRuleFacts> visible)
    {
        var shown = new HashSet<string>(visible.Select(rule => rule.Identity), StringComparer.OrdinalIgnoreCase);
        return includeHidden.Select(rule => shown.Contains(rule.Identity) ? rule : rule with { Hidden = true }).ToList();
    }

    /// <summary>
    /// The readings with each inbox rule marked hidden that the plain listing of its own mailbox does not have; rules of
    /// mailboxes the plain listing does not cover are left as they were, since nothing says whether they are shown.
    /// </summary>
    public static IReadOnlyList<ExchangeReading> MarkAgainstVisible(IEnumerable<ExchangeReading> readings, IEnumerable<InboxRuleFacts> visible)
    {
        ILookup<string, InboxRuleFacts> shownByMailbox = visible.ToLookup(rule => rule.Mailbox, StringComparer.OrdinalIgnoreCase);
        return readings
            .Select(reading => reading.Facts is InboxRuleFacts rule && shownByMailbox.Contains(rule.Mailbox)
                ? reading with { Facts = MarkAgainstVisible(new[] { rule }, shownByMailbox[rule.Mailbox])[0] }
                : reading)
            .ToList();
    }

    internal static bool? IsMarkedHidden(ExchangeObject rule)
    {
        if (rule.Has("IsHidden"))
        {
            return rule.Flag("IsHidden");
        }

        if (rule.Has("Hidden"))
        {
            return rule.Flag("Hidden");
        }

        return rule.Text("RuleVisibility") is { } visibility ? string.Equals(visibility, "Hidden", StringComparison.OrdinalIgnoreCase) : null;
    }
}
