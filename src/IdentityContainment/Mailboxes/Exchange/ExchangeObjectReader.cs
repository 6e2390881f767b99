using System.Management.Automation;
using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// Turns one Exchange Online PowerShell object (live, or re-imported with Import-Clixml or Import-Csv) into the facts
/// the mailbox rules judge. Never throws for a bad object: the reading says what was wrong, so one bad object in a
/// pipeline does not stop the rest.
/// </summary>
public static class ExchangeObjectReader
{
    public static ExchangeReading Read(PSObject input, MailDomains domains)
    {
        if (input is null)
        {
            return ExchangeReading.Unreadable(ExchangeObjectKind.Unknown, $"Expected {ExchangeObjectShape.ExpectedCmdlets}; got nothing (null).");
        }

        var item = new ExchangeObject(input);
        ExchangeObjectKind kind = ExchangeObjectShape.Recognize(item);
        try
        {
            return kind switch
            {
                ExchangeObjectKind.InboxRule => InboxRuleObject.Read(item, domains),
                ExchangeObjectKind.Mailbox => MailboxObject.Read(item, domains),
                ExchangeObjectKind.MailboxPermission => PermissionObjects.ReadMailboxPermission(item, domains),
                ExchangeObjectKind.RecipientPermission => PermissionObjects.ReadRecipientPermission(item, domains),
                ExchangeObjectKind.FolderPermission => FolderPermissionObject.Read(item),
                ExchangeObjectKind.CasMailbox => CasMailboxObject.Read(item),
                _ => ExchangeReading.Unreadable(ExchangeObjectKind.Unknown, ExchangeProblems.Unknown(item)),
            };
        }
        catch (UnreadableValueException error)
        {
            return ExchangeReading.Unreadable(kind, $"This {ExchangeObjectShape.Of(kind).Cmdlets} object cannot be read: {error.Message}");
        }
    }
}
