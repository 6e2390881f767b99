namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// One inbox rule, the same whether Graph listed it (a messageRule) or Exchange Online did (Get-InboxRule): what it
/// matches, what it does, and what is needed to judge it (the tenant's domains, the owner's own addresses). Gathered by
/// a reader; judged by the inbox rule table without any I/O.
/// </summary>
public sealed record InboxRuleFacts
{
    /// <summary>The mailbox the rule belongs to, as the source names it (a user principal name, an object id, or Exchange's identity).</summary>
    public string Mailbox { get; init; } = string.Empty;

    /// <summary>The user's object id when known (Graph always; Exchange when the object carries it).</summary>
    public string? UserId { get; init; }

    /// <summary>Graph's messageRule id, or Exchange's rule Identity ("owner\123456789").</summary>
    public string Identity { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public bool Enabled { get; init; } = true;

    /// <summary>True when Exchange listed the rule only with -IncludeHidden (Graph and Outlook do not show it).</summary>
    public bool Hidden { get; init; }

    /// <summary><see cref="MailboxFindingSources"/>.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Addresses the rule forwards to (Graph forwardTo; Exchange ForwardTo).</summary>
    public IReadOnlyList<string> ForwardTo { get; init; } = Array.Empty<string>();

    /// <summary>Addresses the rule redirects to: the message goes on as if sent to them directly.</summary>
    public IReadOnlyList<string> RedirectTo { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ForwardAsAttachmentTo { get; init; } = Array.Empty<string>();

    /// <summary>Exchange's SendTextMessageNotificationTo: a text message to a phone for each match.</summary>
    public IReadOnlyList<string> SendTextMessageNotificationTo { get; init; } = Array.Empty<string>();

    /// <summary>Move to Deleted Items (Graph delete; Exchange DeleteMessage).</summary>
    public bool Delete { get; init; }

    public bool PermanentDelete { get; init; }

    public RuleFolder? MoveToFolder { get; init; }

    public RuleFolder? CopyToFolder { get; init; }

    public bool MarkAsRead { get; init; }

    public bool StopProcessingRules { get; init; }

    /// <summary>Every word or phrase the rule's conditions look for (subject, body, header, sender, recipient contains), as written.</summary>
    public IReadOnlyList<string> ConditionWords { get; init; } = Array.Empty<string>();

    /// <summary>Addresses in the rule's from/sent-to conditions.</summary>
    public IReadOnlyList<string> ConditionAddresses { get; init; } = Array.Empty<string>();

    /// <summary>The tenant's verified domains, to tell a target outside the organisation from one inside.</summary>
    public MailDomains Domains { get; init; } = MailDomains.Unknown;

    /// <summary>The owner's own addresses (mail, proxy addresses) when known: forwarding to oneself is not a finding.</summary>
    public IReadOnlyList<string> OwnerAddresses { get; init; } = Array.Empty<string>();

    /// <summary>The rule as the source gave it (JSON), kept in the finding so a removal can be undone by hand.</summary>
    public string? BeforeImage { get; init; }

    /// <summary>Every address mail leaves to: forward, redirect, forward as attachment.</summary>
    public IEnumerable<string> MailTargets => ForwardTo.Concat(RedirectTo).Concat(ForwardAsAttachmentTo);
}
