using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// What one Exchange Online object said: its kind and the facts read from it, or, when it could not be read, the
/// problem in words an analyst can act on (what was expected, which property is missing or unusable).
/// </summary>
public sealed record ExchangeReading
{
    public ExchangeObjectKind Kind { get; init; }

    /// <summary>
    /// One of <see cref="InboxRuleFacts"/>, <see cref="MailboxForwardingFacts"/>, <see cref="MailboxPermissionFacts"/>
    /// (for both mailbox and recipient permissions), <see cref="FolderPermissionFacts"/>, <see cref="ClientAccessFacts"/>;
    /// null when <see cref="Problem"/> is set.
    /// </summary>
    public object? Facts { get; init; }

    /// <summary>Why the object could not be read; null when it was.</summary>
    public string? Problem { get; init; }

    public bool IsRead => Problem is null && Facts is not null;

    /// <summary>
    /// For a mailbox or CAS mailbox: the SMTP addresses the mailbox owns (user principal name, primary and proxy
    /// addresses), so that its rules' forwarding to the owner's own alias can be told from forwarding away
    /// (see <see cref="ExchangeRuleOwners"/>). Empty for other kinds.
    /// </summary>
    public IReadOnlyList<string> OwnerAddresses { get; init; } = Array.Empty<string>();

    internal static ExchangeReading Read(ExchangeObjectKind kind, object facts, IReadOnlyList<string>? ownerAddresses = null) =>
        new() { Kind = kind, Facts = facts, OwnerAddresses = ownerAddresses ?? Array.Empty<string>() };

    internal static ExchangeReading Unreadable(ExchangeObjectKind kind, string problem) => new() { Kind = kind, Problem = problem };
}
