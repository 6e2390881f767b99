namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// FullAccess (Get-MailboxPermission) and SendAs (Get-RecipientPermission) held by someone other than the mailbox
/// itself: either lets an attacker's account read or send as the victim after the victim's password is reset.
/// Entries the mailbox holds on itself (NT AUTHORITY\SELF, S-1-5-10), inherited entries (the organisation's admin
/// groups) and deny entries take nothing away from the owner and are not findings. Medium alone, since delegates are
/// ordinary; High when the trustee is outside the organisation.
/// </summary>
public static class MailboxPermissionRules
{
    private static readonly string[] SelfNames = { @"NT AUTHORITY\SELF", "S-1-5-10", "SELF" };

    public static readonly RuleTable<MailboxPermissionFacts> Table = new(new[]
    {
        new DetectionRule<MailboxPermissionFacts>(
            "MailboxFullAccessToOther",
            50,
            p => !p.IsRecipientPermission && GrantsToOther(p) && Holds(p, "FullAccess"),
            p => $"gives {p.Trustee} full access to the mailbox: every folder, every message"),
        new DetectionRule<MailboxPermissionFacts>(
            "MailboxSendAsToOther",
            50,
            p => p.IsRecipientPermission && GrantsToOther(p) && Holds(p, "SendAs"),
            p => $"lets {p.Trustee} send mail as the mailbox, indistinguishable from its owner"),
        new DetectionRule<MailboxPermissionFacts>(
            "MailboxPermissionToOutsider",
            30,
            p => GrantsToOther(p) && (Holds(p, "FullAccess") || Holds(p, "SendAs")) && IsOutsider(p),
            p => $"the trustee {p.Trustee} is outside the organisation's verified domains or a guest"),
    });

    /// <summary>True for an allow entry, set on the mailbox itself, held by someone other than the mailbox.</summary>
    public static bool GrantsToOther(MailboxPermissionFacts permission) =>
        !permission.Deny && !permission.IsInherited && !string.IsNullOrWhiteSpace(permission.Trustee) && !IsSelf(permission.Trustee);

    /// <summary>True for the mailbox's own security principal, as Exchange names it.</summary>
    public static bool IsSelf(string trustee) => SelfNames.Contains(trustee.Trim(), StringComparer.OrdinalIgnoreCase);

    private static bool Holds(MailboxPermissionFacts permission, string right) =>
        AccessRightNames.Split(permission.AccessRights).Contains(right, StringComparer.OrdinalIgnoreCase);

    // A guest's user principal name sits in a verified domain ("ann_gmail.com#EXT#@contoso.onmicrosoft.com") but the
    // person is not of the organisation.
    private static bool IsOutsider(MailboxPermissionFacts permission) =>
        permission.Trustee.IndexOf("#EXT#", StringComparison.OrdinalIgnoreCase) >= 0
        || (MailAddresses.IsAddress(permission.Trustee) && !permission.Domains.IsInternal(MailAddresses.Plain(permission.Trustee)));
}
