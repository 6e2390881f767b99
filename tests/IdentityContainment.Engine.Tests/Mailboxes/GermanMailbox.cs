using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Mailboxes;

/// <summary>
/// A mailbox in German with the bec-finance victim's rules, set up on any sandbox user: the well-known folders under
/// their German names, his own folders (one named like the Archive), and five rules, two of them the attacker's.
/// </summary>
internal static class GermanMailbox
{
    public const string Posteingang = "AAMkDE-inbox=";
    public const string GeloeschteElemente = "AAMkDE-deleteditems=";
    public const string JunkEMail = "AAMkDE-junkemail=";
    public const string Archiv = "AAMkDE-archive=";
    public const string Verlauf = "AAMkDE-conversationhistory=";
    public const string RssAbonnements = "AAMkDE-rss=";
    public const string ArchiveProjects = "AAMkDE-archive-projects=";
    public const string Newsletter = "AAMkDE-newsletter=";

    public static void SetUp(TenantState tenant, string userId) =>
        tenant.UpdateMailbox(userId, m => m with
        {
            Settings = new MailboxSettingsRecord { Locale = "de-DE", LanguageDisplayName = "Deutsch (Deutschland)", TimeZone = "W. Europe Standard Time" },
            Folders = new[]
            {
                new MailFolderRecord { Id = Posteingang, DisplayName = "Posteingang", WellKnownName = "inbox" },
                new MailFolderRecord { Id = GeloeschteElemente, DisplayName = "Gelöschte Elemente", WellKnownName = "deleteditems" },
                new MailFolderRecord { Id = JunkEMail, DisplayName = "Junk-E-Mail", WellKnownName = "junkemail" },
                new MailFolderRecord { Id = Archiv, DisplayName = "Archiv", WellKnownName = "archive" },
                new MailFolderRecord { Id = Verlauf, DisplayName = "Verlauf der Unterhaltung", WellKnownName = "conversationhistory" },
                new MailFolderRecord { Id = RssAbonnements, DisplayName = "RSS-Abonnements" },
                new MailFolderRecord { Id = ArchiveProjects, DisplayName = "Archive Projects" },
                new MailFolderRecord { Id = Newsletter, DisplayName = "Newsletter" },
            },
            InboxRules = new[]
            {
                Rule("AQAAAJ5dDE1=", "..", 1, new MessageRulePredicates { BodyOrSubjectContains = new[] { "Rechnung", "invoice", "Zahlung", "payment" } },
                    new MessageRuleActions { MoveToFolder = RssAbonnements, MarkAsRead = true, StopProcessingRules = true }),
                Rule("AQAAAJ5dDE2=", "Cleanup", 2, new MessageRulePredicates { SubjectContains = new[] { "invoice" } },
                    new MessageRuleActions { Delete = true, StopProcessingRules = true }),
                Rule("AQAAAJ5dDE3=", "Projekte", 3, new MessageRulePredicates { SubjectContains = new[] { "Projekt" } },
                    new MessageRuleActions { MoveToFolder = ArchiveProjects }),
                Rule("AQAAAJ5dDE4=", "Newsletter", 4, new MessageRulePredicates { SenderContains = new[] { "newsletter@" } },
                    new MessageRuleActions { MoveToFolder = Newsletter }),
                Rule("AQAAAJ5dDE5=", "Kopie an mich", 5, new MessageRulePredicates { SubjectContains = new[] { "Reisekosten" } },
                    new MessageRuleActions { ForwardTo = new[] { new Recipient { EmailAddress = new EmailAddress { Address = "isaiah.langer@contoso.com" } } } }),
            },
        });

    private static InboxRuleRecord Rule(string id, string name, int sequence, MessageRulePredicates conditions, MessageRuleActions actions) =>
        new() { Id = id, DisplayName = name, Sequence = sequence, Conditions = conditions, Actions = actions };
}
