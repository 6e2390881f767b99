using IdentityContainment.Detection;

namespace IdentityContainment;

/// <summary>
/// One way into or out of a mailbox that an attacker may have left, judged: an inbox rule, mailbox forwarding, a
/// permission, a legacy protocol. The same shape whether Graph or Exchange Online PowerShell supplied it; flat and
/// text-valued for runbooks and JSON evidence. Piped to Remove-MailboxPersistence, it names exactly what to remove.
/// </summary>
public sealed class MailboxFinding : Finding
{
    /// <summary>The mailbox, as the source named it (a user principal name, or Exchange's identity).</summary>
    public string Mailbox { get; init; } = string.Empty;

    /// <summary>The user's Entra object id when known.</summary>
    public string? UserId { get; init; }

    /// <summary>InboxRule, MailboxForwarding, SendOnBehalf, FullAccess, SendAs, FolderPermission, LegacyProtocol (see Detection.Mailbox.MailboxFindingKinds).</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The rule's name, or what the finding is about in a word or two ("ForwardingSmtpAddress", "Inbox").</summary>
    public string? Name { get; init; }

    /// <summary>
    /// What names the item to its source: Graph's messageRule id, Exchange's rule Identity, the mailbox identity for
    /// forwarding and protocols, the folder identity for a folder permission.
    /// </summary>
    public string Identity { get; init; } = string.Empty;

    /// <summary>Graph or ExchangeOnline (see Detection.Mailbox.MailboxFindingSources).</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>For a rule, whether it runs; null where the idea does not apply.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Where mail goes or who holds access: addresses, folders, trustees, protocols.</summary>
    public string[] Targets { get; init; } = Array.Empty<string>();

    /// <summary>For a permission: who holds it; for a folder permission: the entry's user (Default, Anonymous).</summary>
    public string? Trustee { get; init; }

    /// <summary>For a permission or folder permission: the rights held.</summary>
    public string[] AccessRights { get; init; } = Array.Empty<string>();

    /// <summary>The command a person would run to remove it (Remove-MailboxPersistence runs its equivalent).</summary>
    public string? RemediationCommand { get; init; }

    /// <summary>The item as the source gave it (JSON), so that a removal can be undone.</summary>
    public string? BeforeImage { get; init; }

    public override string ToString() => $"{RiskLevel} {Kind} {Mailbox}: {Name} -> {string.Join(", ", Targets)}";
}
