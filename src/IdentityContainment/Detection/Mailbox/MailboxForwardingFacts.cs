namespace IdentityContainment.Detection.Mailbox;

/// <summary>A mailbox's own forwarding and send-on-behalf settings, from Get-Mailbox or Get-EXOMailbox.</summary>
public sealed record MailboxForwardingFacts
{
    /// <summary>The mailbox's identity as Exchange gave it (Identity, else UserPrincipalName, else PrimarySmtpAddress).</summary>
    public string Mailbox { get; init; } = string.Empty;

    /// <summary>ExternalDirectoryObjectId: the user's Entra object id, when the object carries it.</summary>
    public string? UserId { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? PrimarySmtpAddress { get; init; }

    /// <summary>ForwardingSmtpAddress without its "smtp:" prefix; null when not set.</summary>
    public string? ForwardingSmtpAddress { get; init; }

    /// <summary>ForwardingAddress: a recipient in the directory (often a mail contact pointing outside); null when not set.</summary>
    public string? ForwardingAddress { get; init; }

    public bool DeliverToMailboxAndForward { get; init; }

    /// <summary>GrantSendOnBehalfTo: who may send on the mailbox's behalf.</summary>
    public IReadOnlyList<string> GrantSendOnBehalfTo { get; init; } = Array.Empty<string>();

    public MailDomains Domains { get; init; } = MailDomains.Unknown;

    public string? BeforeImage { get; init; }
}
