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

    internal static ExchangeReading Read(ExchangeObjectKind kind, object facts) => new() { Kind = kind, Facts = facts };

    internal static ExchangeReading Unreadable(ExchangeObjectKind kind, string problem) => new() { Kind = kind, Problem = problem };
}
