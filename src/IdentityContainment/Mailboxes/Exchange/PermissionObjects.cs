using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>Get-MailboxPermission and Get-RecipientPermission entries as <see cref="MailboxPermissionFacts"/>.</summary>
internal static class PermissionObjects
{
    public static ExchangeReading ReadMailboxPermission(ExchangeObject entry, MailDomains domains)
    {
        IReadOnlyList<string> missing = entry.Missing(["Identity", "User", "AccessRights"]);
        if (missing.Count > 0)
        {
            return ExchangeReading.Unreadable(ExchangeObjectKind.MailboxPermission, ExchangeProblems.Missing(ExchangeObjectKind.MailboxPermission, missing));
        }

        return ExchangeReading.Read(ExchangeObjectKind.MailboxPermission, new MailboxPermissionFacts
        {
            Mailbox = entry.Text("Identity") ?? string.Empty,
            Trustee = entry.Text("User") ?? string.Empty,
            AccessRights = AccessRights(entry),
            IsInherited = entry.Flag("IsInherited") ?? false,
            Deny = entry.Flag("Deny") ?? false,
            IsRecipientPermission = false,
            Domains = domains,
            BeforeImage = ExchangeBeforeImage.Of(entry),
        });
    }

    public static ExchangeReading ReadRecipientPermission(ExchangeObject entry, MailDomains domains)
    {
        IReadOnlyList<string> missing = entry.Missing(["Identity", "Trustee", "AccessRights"]);
        if (missing.Count > 0)
        {
            return ExchangeReading.Unreadable(ExchangeObjectKind.RecipientPermission, ExchangeProblems.Missing(ExchangeObjectKind.RecipientPermission, missing));
        }

        return ExchangeReading.Read(ExchangeObjectKind.RecipientPermission, new MailboxPermissionFacts
        {
            Mailbox = entry.Text("Identity") ?? string.Empty,
            Trustee = entry.Text("Trustee") ?? string.Empty,
            AccessRights = AccessRights(entry),
            IsInherited = entry.Flag("IsInherited") ?? false,
            Deny = string.Equals(entry.Text("AccessControlType"), "Deny", StringComparison.OrdinalIgnoreCase),
            IsRecipientPermission = true,
            Domains = domains,
            BeforeImage = ExchangeBeforeImage.Of(entry),
        });
    }

    /// <summary>
    /// Rights one per item: a flags value shows as "FullAccess, ReadPermission" in one item, and no right's name holds
    /// a comma, so every item is split on commas too.
    /// </summary>
    internal static IReadOnlyList<string> AccessRights(ExchangeObject entry) =>
        entry.List("AccessRights")
            .SelectMany(right => right.Split(','))
            .Select(right => right.Trim())
            .Where(right => right.Length > 0)
            .ToList();
}
