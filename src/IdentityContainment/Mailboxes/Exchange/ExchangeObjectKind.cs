namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>Which Exchange Online cmdlet an object came from, as told by its properties.</summary>
public enum ExchangeObjectKind
{
    Unknown = 0,

    /// <summary>Get-InboxRule (with or without -IncludeHidden).</summary>
    InboxRule,

    /// <summary>Get-Mailbox or Get-EXOMailbox.</summary>
    Mailbox,

    /// <summary>Get-MailboxPermission or Get-EXOMailboxPermission.</summary>
    MailboxPermission,

    /// <summary>Get-RecipientPermission or Get-EXORecipientPermission.</summary>
    RecipientPermission,

    /// <summary>Get-MailboxFolderPermission or Get-EXOMailboxFolderPermission.</summary>
    FolderPermission,

    /// <summary>Get-CASMailbox or Get-EXOCASMailbox.</summary>
    CasMailbox,
}
