namespace IdentityContainment.Sandbox;

/// <summary>What the sandbox knows of one user's mailbox: inbox rules, forwarding and delegated access.</summary>
public sealed record MailboxRecord
{
    public required string UserId { get; init; }
    public IReadOnlyList<InboxRuleRecord> InboxRules { get; init; } = [];

    /// <summary>Mailbox-level forwarding (Exchange's ForwardingSmtpAddress); null when none is set.</summary>
    public MailboxForwardingRecord? Forwarding { get; init; }
    public IReadOnlyList<MailboxDelegationRecord> Delegations { get; init; } = [];
}

/// <summary>Exchange mailbox forwarding. Graph v1.0 does not expose it; Exchange cmdlets do.</summary>
public sealed record MailboxForwardingRecord
{
    public required string ForwardingSmtpAddress { get; init; }
    public bool DeliverToMailboxAndForward { get; init; }
}

/// <summary>Delegated mailbox access (FullAccess, SendAs, SendOnBehalf) granted to another principal.</summary>
public sealed record MailboxDelegationRecord
{
    public required string Id { get; init; }

    /// <summary>Who was given access: an address or a user principal name.</summary>
    public required string Trustee { get; init; }
    public required IReadOnlyList<string> AccessRights { get; init; }
}
