namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// Forwarding set on the mailbox itself (Get-Mailbox), which survives a password reset and is not an inbox rule the
/// user could see. ForwardingSmtpAddress to an outside address is High alone; ForwardingAddress names a directory
/// recipient, most often a mail contact whose real address is outside, so it weighs Medium even when its target
/// cannot be read from the mailbox. GrantSendOnBehalfTo is judged apart (<see cref="SendOnBehalf"/>): it is a
/// different finding, removed by a different command.
/// </summary>
public static class MailboxForwardingRules
{
    public static readonly RuleTable<MailboxForwardingFacts> Table = new(new[]
    {
        new DetectionRule<MailboxForwardingFacts>(
            "MailboxForwardsOutside",
            70,
            m => SmtpTarget(m) is { } to && !m.Domains.IsInternal(to),
            m => $"forwards every message to {SmtpTarget(m)} (ForwardingSmtpAddress), outside the organisation"
                + (m.Domains.IsKnown ? string.Empty : " (the tenant's domains were not known, so every address counts as outside)")),
        new DetectionRule<MailboxForwardingFacts>(
            "MailboxForwardsInside",
            20,
            m => SmtpTarget(m) is { } to && m.Domains.IsInternal(to),
            m => $"forwards every message to {SmtpTarget(m)} (ForwardingSmtpAddress), inside the organisation"),
        new DetectionRule<MailboxForwardingFacts>(
            "MailboxForwardsToRecipient",
            40,
            m => !string.IsNullOrWhiteSpace(m.ForwardingAddress),
            m => $"forwards every message to the directory recipient '{m.ForwardingAddress}' (ForwardingAddress); a mail contact there points outside"),
        new DetectionRule<MailboxForwardingFacts>(
            "MailboxForwardsAndKeepsCopy",
            10,
            m => m.DeliverToMailboxAndForward && IsForwarding(m),
            "keeps a copy in the mailbox while forwarding (DeliverToMailboxAndForward), so the user sees nothing missing"),
    });

    /// <summary>Others allowed to send as if on the mailbox's behalf: delegation an attacker grants to an account they hold.</summary>
    public static readonly RuleTable<MailboxForwardingFacts> SendOnBehalf = new(new[]
    {
        new DetectionRule<MailboxForwardingFacts>(
            "MailboxGrantsSendOnBehalf",
            30,
            m => Delegates(m).Length > 0,
            m => $"lets {string.Join(", ", Delegates(m))} send on the mailbox's behalf (GrantSendOnBehalfTo)"),
    });

    /// <summary>ForwardingSmtpAddress as a plain address, or null when it is not set.</summary>
    public static string? SmtpTarget(MailboxForwardingFacts mailbox)
    {
        string plain = MailAddresses.Plain(mailbox.ForwardingSmtpAddress);
        return plain.Length > 0 ? plain : null;
    }

    /// <summary>True when either forwarding setting is set.</summary>
    public static bool IsForwarding(MailboxForwardingFacts mailbox) => SmtpTarget(mailbox) is not null || !string.IsNullOrWhiteSpace(mailbox.ForwardingAddress);

    /// <summary>The GrantSendOnBehalfTo entries that name someone.</summary>
    public static string[] Delegates(MailboxForwardingFacts mailbox) =>
        mailbox.GrantSendOnBehalfTo.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}
