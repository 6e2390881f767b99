namespace IdentityContainment.Detection.Mailbox;

/// <summary>What a mailbox finding is about: the values of <see cref="MailboxFinding.Kind"/>.</summary>
public static class MailboxFindingKinds
{
    public const string InboxRule = nameof(InboxRule);

    /// <summary>Forwarding set on the mailbox itself (ForwardingSmtpAddress, ForwardingAddress).</summary>
    public const string MailboxForwarding = nameof(MailboxForwarding);

    /// <summary>Others allowed to send on the mailbox's behalf (GrantSendOnBehalfTo).</summary>
    public const string SendOnBehalf = nameof(SendOnBehalf);

    public const string FullAccess = nameof(FullAccess);

    public const string SendAs = nameof(SendAs);

    /// <summary>Default or Anonymous given rights on the Inbox or the top of the store.</summary>
    public const string FolderPermission = nameof(FolderPermission);

    /// <summary>IMAP, POP, ActiveSync, EWS or SMTP client auth left on: a way round the reset for basic-auth clients.</summary>
    public const string LegacyProtocol = nameof(LegacyProtocol);
}

/// <summary>Where a finding was read: the values of <see cref="MailboxFinding.Source"/>.</summary>
public static class MailboxFindingSources
{
    public const string Graph = nameof(Graph);

    /// <summary>Exchange Online PowerShell objects piped in, live or re-imported from an evidence collection.</summary>
    public const string ExchangeOnline = nameof(ExchangeOnline);
}
