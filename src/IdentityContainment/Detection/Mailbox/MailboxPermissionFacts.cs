namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// One permission entry on a mailbox: a Get-MailboxPermission row (FullAccess and the rest, trustee in User, Deny) or a
/// Get-RecipientPermission row (SendAs, trustee in Trustee, AccessControlType Allow/Deny).
/// </summary>
public sealed record MailboxPermissionFacts
{
    /// <summary>The mailbox the entry is on (Identity).</summary>
    public string Mailbox { get; init; } = string.Empty;

    public string? UserId { get; init; }

    /// <summary>Who holds the right ("NT AUTHORITY\SELF", a UPN, a display name).</summary>
    public string Trustee { get; init; } = string.Empty;

    public IReadOnlyList<string> AccessRights { get; init; } = Array.Empty<string>();

    public bool IsInherited { get; init; }

    /// <summary>True for a deny entry (Deny = True, or AccessControlType = Deny).</summary>
    public bool Deny { get; init; }

    /// <summary>Which cmdlet produced it: true for Get-RecipientPermission (SendAs), false for Get-MailboxPermission.</summary>
    public bool IsRecipientPermission { get; init; }

    public MailDomains Domains { get; init; } = MailDomains.Unknown;

    public string? BeforeImage { get; init; }
}
