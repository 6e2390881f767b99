namespace IdentityContainment.Sandbox;

/// <summary>
/// What the sandbox knows of one user's mailbox. Graph's view of it (folders, inbox rules, settings) keeps Graph's
/// shapes; what only Exchange Online PowerShell shows (mailbox forwarding, send-on-behalf, mailbox and folder
/// permissions, client access) keeps the shapes of Get-Mailbox, Get-MailboxPermission, Get-MailboxFolderPermission and
/// Get-CASMailbox. A user whose scenario lists no mailbox has none: every mail route answers MailboxNotEnabledForRESTAPI.
/// </summary>
public sealed record MailboxRecord
{
    public required string UserId { get; init; }

    /// <summary>The mailbox's language and time zone (Graph mailboxSettings).</summary>
    public MailboxSettingsRecord Settings { get; init; } = new();

    /// <summary>
    /// Folders the scenario names: the user's own, and well-known ones it localizes (wellKnownName set). Well-known folders
    /// it leaves out exist with their English names (see <see cref="MailFolders"/>).
    /// </summary>
    public IReadOnlyList<MailFolderRecord> Folders { get; init; } = [];
    public IReadOnlyList<InboxRuleRecord> InboxRules { get; init; } = [];

    /// <summary>Mailbox-level forwarding (Exchange's ForwardingSmtpAddress / ForwardingAddress); null when none is set.</summary>
    public MailboxForwardingRecord? Forwarding { get; init; }

    /// <summary>Exchange's GrantSendOnBehalfTo: the recipients (display names) who may send on behalf of this mailbox.</summary>
    public IReadOnlyList<string> GrantSendOnBehalfTo { get; init; } = [];

    /// <summary>Mailbox permissions (FullAccess, ReadPermission...) and recipient permissions (SendAs), one entry per trustee.</summary>
    public IReadOnlyList<MailboxDelegationRecord> Delegations { get; init; } = [];
    public IReadOnlyList<FolderPermissionRecord> FolderPermissions { get; init; } = [];

    /// <summary>Get-CASMailbox's protocol switches; null when the scenario says nothing about them.</summary>
    public ClientAccessRecord? ClientAccess { get; init; }
}

/// <summary>Exchange mailbox forwarding. Graph v1.0 does not expose it (CONTRACT §6); Exchange cmdlets do.</summary>
public sealed record MailboxForwardingRecord
{
    /// <summary>As Get-Mailbox shows it, e.g. "smtp:someone@example.com"; null when only ForwardingAddress is set.</summary>
    public string? ForwardingSmtpAddress { get; init; }

    /// <summary>A recipient in the organization (a mail contact or user) named by its display name; null when none.</summary>
    public string? ForwardingAddress { get; init; }
    public bool DeliverToMailboxAndForward { get; init; }
}

/// <summary>
/// A mailbox permission (Get-MailboxPermission: FullAccess, ReadPermission...) or recipient permission
/// (Get-RecipientPermission: SendAs) held by another principal.
/// </summary>
public sealed record MailboxDelegationRecord
{
    public required string Id { get; init; }

    /// <summary>Who was given access: an address, a user principal name, a display name or NT AUTHORITY\SELF.</summary>
    public required string Trustee { get; init; }
    public required IReadOnlyList<string> AccessRights { get; init; }
    public bool IsInherited { get; init; }

    /// <summary>A Deny entry takes access away rather than granting it.</summary>
    public bool Deny { get; init; }
}

/// <summary>One entry of Get-MailboxFolderPermission: a user's rights on a folder, by the folder's display name.</summary>
public sealed record FolderPermissionRecord
{
    public required string FolderName { get; init; }

    /// <summary>"Default", "Anonymous" or a recipient's display name.</summary>
    public required string User { get; init; }
    public required IReadOnlyList<string> AccessRights { get; init; }
}

/// <summary>Get-CASMailbox: which client protocols may reach the mailbox.</summary>
public sealed record ClientAccessRecord
{
    public bool ImapEnabled { get; init; }
    public bool PopEnabled { get; init; }
    public bool ActiveSyncEnabled { get; init; }
    public bool EwsEnabled { get; init; }

    /// <summary>Null means the organization's setting applies.</summary>
    public bool? SmtpClientAuthenticationDisabled { get; init; }
}

/// <summary>The parts of Graph's mailboxSettings the scenario decides; the archive folder comes from the folders.</summary>
public sealed record MailboxSettingsRecord
{
    public string Locale { get; init; } = "en-US";
    public string LanguageDisplayName { get; init; } = "English (United States)";
    public string TimeZone { get; init; } = "UTC";
}

/// <summary>An Exchange mail contact: a recipient in the address book whose mail goes to an outside address.</summary>
public sealed record MailContactRecord
{
    public required string Name { get; init; }

    /// <summary>As Get-MailContact shows it, e.g. "SMTP:someone@example.com" (the prefix is optional here).</summary>
    public required string ExternalEmailAddress { get; init; }
}
