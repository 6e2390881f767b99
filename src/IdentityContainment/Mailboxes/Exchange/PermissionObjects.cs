using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>Get-MailboxPermission and Get-RecipientPermission entries as <see cref="MailboxPermissionFacts"/>.</summary>
internal static class PermissionObjects
{
    /// <summary>A Get-MailboxPermission entry: the trustee is in User, a deny entry has Deny = True.</summary>
    public static ExchangeReading ReadMailboxPermission(ExchangeObject entry, MailDomains domains) =>
        Read(entry, domains, ExchangeObjectKind.MailboxPermission, "User", () => entry.Flag("Deny") ?? false);

    /// <summary>A Get-RecipientPermission entry (SendAs): the trustee is in Trustee, a deny entry has AccessControlType = Deny.</summary>
    public static ExchangeReading ReadRecipientPermission(ExchangeObject entry, MailDomains domains) =>
        Read(entry, domains, ExchangeObjectKind.RecipientPermission, "Trustee", () => string.Equals(entry.Text("AccessControlType"), "Deny", StringComparison.OrdinalIgnoreCase));

    private static ExchangeReading Read(ExchangeObject entry, MailDomains domains, ExchangeObjectKind kind, string trusteeProperty, Func<bool> isDeny)
    {
        IReadOnlyList<string> missing = entry.Missing(["Identity", trusteeProperty, "AccessRights"]);
        if (missing.Count > 0)
        {
            return ExchangeReading.Unreadable(kind, ExchangeProblems.Missing(kind, missing));
        }

        return ExchangeReading.Read(kind, new MailboxPermissionFacts
        {
            Mailbox = entry.Text("Identity") ?? string.Empty,
            Trustee = entry.Text(trusteeProperty) ?? string.Empty,
            AccessRights = AccessRights(entry),
            IsInherited = entry.Flag("IsInherited") ?? false,
            Deny = isDeny(),
            IsRecipientPermission = kind == ExchangeObjectKind.RecipientPermission,
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
