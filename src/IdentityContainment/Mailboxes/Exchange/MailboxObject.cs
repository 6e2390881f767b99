using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>A Get-Mailbox or Get-EXOMailbox object as <see cref="MailboxForwardingFacts"/>.</summary>
internal static class MailboxObject
{
    private static readonly string[] ForwardingProperties = ["ForwardingSmtpAddress", "ForwardingAddress", "DeliverToMailboxAndForward", "GrantSendOnBehalfTo"];

    private static readonly string[] IdentityProperties = ["Identity", "UserPrincipalName", "PrimarySmtpAddress"];

    // Get-EXOMailbox returns a minimum property set unless asked for more, and the forwarding settings are not in it.
    private const string AskForForwarding =
        "Get-EXOMailbox leaves them out unless asked: Get-EXOMailbox -Properties ForwardingSmtpAddress,ForwardingAddress,DeliverToMailboxAndForward,GrantSendOnBehalfTo (Get-Mailbox returns them always).";

    /// <summary>The mailbox's own SMTP addresses: user principal name, primary address and proxy addresses when carried.</summary>
    internal static IReadOnlyList<string> OwnerAddresses(ExchangeObject mailbox) =>
        ExchangeAddress.SmtpAddresses(new[] { mailbox.Text("UserPrincipalName"), mailbox.Text("PrimarySmtpAddress"), mailbox.Text("WindowsEmailAddress") }
            .Concat(mailbox.Has("EmailAddresses") ? mailbox.List("EmailAddresses") : Array.Empty<string>()));

    public static ExchangeReading Read(ExchangeObject mailbox, MailDomains domains)
    {
        var missing = mailbox.Missing(ForwardingProperties).ToList();
        if (!mailbox.HasAny(IdentityProperties))
        {
            missing.Insert(0, "Identity");
        }

        if (missing.Count > 0)
        {
            return ExchangeReading.Unreadable(ExchangeObjectKind.Mailbox, ExchangeProblems.Missing(ExchangeObjectKind.Mailbox, missing, AskForForwarding));
        }

        var facts = new MailboxForwardingFacts
        {
            Mailbox = mailbox.FirstText(IdentityProperties) ?? string.Empty,
            UserId = mailbox.Guid("ExternalDirectoryObjectId"),
            UserPrincipalName = mailbox.Text("UserPrincipalName"),
            PrimarySmtpAddress = ExchangeAddress.Normalize(mailbox.Text("PrimarySmtpAddress")),
            ForwardingSmtpAddress = ExchangeAddress.Normalize(mailbox.Text("ForwardingSmtpAddress")),
            ForwardingAddress = ExchangeAddress.Normalize(mailbox.Text("ForwardingAddress")),
            DeliverToMailboxAndForward = mailbox.Flag("DeliverToMailboxAndForward") ?? false,
            GrantSendOnBehalfTo = ExchangeAddress.NormalizeAll(mailbox.List("GrantSendOnBehalfTo")),
            Domains = domains,
            BeforeImage = ExchangeBeforeImage.Of(mailbox),
        };

        return ExchangeReading.Read(ExchangeObjectKind.Mailbox, facts, OwnerAddresses(mailbox));
    }
}
