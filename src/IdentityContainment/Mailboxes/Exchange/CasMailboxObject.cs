using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>A Get-CASMailbox or Get-EXOCASMailbox object as <see cref="ClientAccessFacts"/>.</summary>
internal static class CasMailboxObject
{
    private static readonly string[] IdentityProperties = ["Identity", "PrimarySmtpAddress", "Name"];

    public static ExchangeReading Read(ExchangeObject mailbox)
    {
        if (!mailbox.HasAny(IdentityProperties))
        {
            return ExchangeReading.Unreadable(ExchangeObjectKind.CasMailbox, ExchangeProblems.Missing(ExchangeObjectKind.CasMailbox, ["Identity"]));
        }

        // A protocol the object does not carry stays null: Get-EXOCASMailbox's minimum set leaves some out, and not
        // carried is not the same as off.
        return ExchangeReading.Read(ExchangeObjectKind.CasMailbox, new ClientAccessFacts
        {
            Mailbox = mailbox.FirstText(IdentityProperties) ?? string.Empty,
            UserId = mailbox.Guid("ExternalDirectoryObjectId"),
            ImapEnabled = mailbox.Flag("ImapEnabled"),
            PopEnabled = mailbox.Flag("PopEnabled"),
            ActiveSyncEnabled = mailbox.Flag("ActiveSyncEnabled"),
            EwsEnabled = mailbox.Flag("EwsEnabled"),
            SmtpClientAuthenticationDisabled = mailbox.Flag("SmtpClientAuthenticationDisabled"),
            BeforeImage = ExchangeBeforeImage.Of(mailbox),
        }, MailboxObject.OwnerAddresses(mailbox));
    }
}
