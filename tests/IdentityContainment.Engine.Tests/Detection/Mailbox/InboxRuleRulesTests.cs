using IdentityContainment.Detection;
using IdentityContainment.Detection.Mailbox;
using static IdentityContainment.Engine.Tests.Detection.Mailbox.Fabrikam;

namespace IdentityContainment.Engine.Tests.Detection.Mailbox;

public sealed class InboxRuleRulesTests
{
    private static IEnumerable<RuleCase<InboxRuleFacts>> Cases => new RuleCase<InboxRuleFacts>[]
    {
        new("InboxRuleForwardsOutside", Rule("Sync") with { ForwardTo = new[] { AttackerDrop } }, Rule("Sync") with { ForwardTo = new[] { "pattif@fabrikam.com" } }),

        // fabrikam-partners.com was added to the tenant but never verified: it is not the organisation's.
        new("InboxRuleForwardsOutside", Rule("Partner") with { RedirectTo = new[] { "ap@fabrikam-partners.com" } }, Rule("Partner") with { RedirectTo = new[] { "ap@eu.fabrikam.com" } }),
        new("InboxRuleForwardsOutside", Rule("Copy") with { ForwardAsAttachmentTo = new[] { "\"AP\" [SMTP:ap@relay.example]" } }, Rule("Copy") with { ForwardAsAttachmentTo = new[] { "\"Nestor\" [SMTP:NESTOR.WILKE@fabrikam.com]" } }),
        new("InboxRuleForwardsOutside", Rule("Alert") with { SendTextMessageNotificationTo = new[] { "+44 7700 900461" } }, Rule("Alert")),
        new("InboxRuleForwardsInside", Rule("Approvals") with { ForwardTo = new[] { "pattif@fabrikam.com" } }, Rule("Kopie an mich") with { ForwardTo = new[] { NestorAlias } }),
        new("InboxRuleDeletes", Rule("Cleanup") with { Delete = true }, Rule("Projekte") with { MoveToFolder = Folder("Archive Projects") }),
        new("InboxRuleDeletes", Rule("Weg") with { MoveToFolder = Folder("Gelöschte Elemente") }, Rule("Weg") with { MoveToFolder = Folder("Gelöschte Projekte") }),
        new("InboxRuleDeletes", Rule("Away") with { MoveToFolder = new RuleFolder { Id = "AAMk", WellKnown = WellKnownFolder.DeletedItems } }, Rule("Away") with { MoveToFolder = new RuleFolder { Id = "AAMk" } }),
        new("InboxRuleDeletesPermanently", Rule("Purge") with { PermanentDelete = true }, Rule("Purge") with { Delete = true }),
        new("InboxRuleHidesInFolder", Rule("Feeds") with { MoveToFolder = Folder("RSS-Abonnements") }, Rule("Projekte") with { MoveToFolder = Folder("Archive Projects") }),
        new("InboxRuleHidesInFolder", Rule("Feeds") with { CopyToFolder = Folder(@"Nestor Wilke:\Conversation History") }, Rule("Feeds") with { CopyToFolder = Folder(@"Nestor Wilke:\Newsletter") }),
        new("InboxRuleHidesInFolder", Rule("Feeds") with { MoveToFolder = new RuleFolder { Id = "AAMk", Name = "Mein Archiv 2", WellKnown = WellKnownFolder.Archive } }, Rule("Feeds") with { MoveToFolder = Folder("Mein Archiv 2") }),
        new("InboxRuleMarksReadAndMoves", Rule("News") with { MarkAsRead = true, MoveToFolder = Folder("Newsletter") }, Rule("News") with { MarkAsRead = true }),
        new("InboxRuleStopsOtherRules", Rule("Cleanup") with { StopProcessingRules = true, Delete = true }, Rule("Newsletter") with { StopProcessingRules = true, MoveToFolder = Folder("Newsletter") }),
        new("InboxRuleWatchesSensitiveWords", Rule("Bills") with { ConditionWords = new[] { "Invoices" } }, Rule("Projekte") with { ConditionWords = new[] { "Projekt" } }),
        new("InboxRuleDivertsSensitiveMail", Rule("Cleanup") with { ConditionWords = new[] { "invoice" }, Delete = true }, Rule("Bills") with { ConditionWords = new[] { "invoice" }, MoveToFolder = Folder("Buchhaltung") }),
        new("InboxRuleMatchesAlmostEverything", Rule("Mail") with { ConditionWords = new[] { "a;" } }, Rule("Mail") with { ConditionWords = new[] { "ab;" } }),
        new("InboxRuleMatchesAlmostEverything", Rule("Mail") with { ConditionWords = new[] { " " } }, Rule("Mail") with { ConditionWords = new[] { " x" } }),
        new("InboxRuleJunkName", Rule(".."), Rule("CC")),
        new("InboxRuleJunkName", Rule("xkqzrtv"), Rule("Newsletter")),
        new("InboxRuleHidden", Rule("Sync") with { Hidden = true }, Rule("Junk E-Mail Rule") with { Hidden = true }),
        new("InboxRuleHidden", Rule("Forward all") with { Hidden = true }, Rule("Microsoft.Exchange.OOF.KnownSenders.Rule") with { Hidden = true }),
    };

    [Fact]
    public void Each_rule_fires_on_its_case_and_not_on_its_near_miss() =>
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(InboxRuleRules.Table, Cases);

    [Theory]
    [InlineData("RSS Feeds")]
    [InlineData("rss subscriptions")]
    [InlineData("RSS Subscription")]
    [InlineData("RSS-Abonnements")]
    [InlineData("Verlauf der Unterhaltung")]
    [InlineData("Archiv")]
    [InlineData("Junk-E-Mail")]
    [InlineData("Historique des conversations")]
    [InlineData("Courrier indésirable")]
    [InlineData("Historial de conversaciones")]
    [InlineData("Correo no deseado")]
    [InlineData("Archivo")]
    [InlineData("Cronologia delle conversazioni")]
    [InlineData("Sottoscrizioni RSS")]
    [InlineData("Posta indesiderata")]
    [InlineData("Archivio")]
    [InlineData("Konversationshistorik")]
    [InlineData("Skräppost")]
    [InlineData("Arkiv")]
    [InlineData("RSS-feeder")]
    [InlineData("Søppelpost")]
    [InlineData("Gesprekgeschiedenis")]
    [InlineData("Arquivo")]
    [InlineData("Notes")]
    [InlineData(@"Nestor Wilke:\Posteingang\RSS-Abonnements")]
    public void A_move_to_a_hiding_folder_is_caught_in_any_of_its_localized_names(string folder)
    {
        Assessment assessment = InboxRuleRules.Table.Assess(Rule("Feeds") with { MoveToFolder = Folder(folder) });

        Assert.Contains("InboxRuleHidesInFolder", assessment.ReasonCodes);
    }

    [Fact]
    public void A_localized_name_written_with_a_combining_accent_is_the_same_folder()
    {
        string decomposed = "Courrier inde\u0301sirable";

        Assert.Contains("InboxRuleHidesInFolder", InboxRuleRules.Table.Assess(Rule("Feeds") with { MoveToFolder = Folder(decomposed) }).ReasonCodes);
    }

    [Theory]
    [InlineData("Archive Projects")]
    [InlineData("Archived invoices 2025")]
    [InlineData("Newsletter")]
    [InlineData("RSS")]
    [InlineData("Junk mail from vendors")]
    public void A_folder_whose_name_only_contains_a_hiding_folders_name_is_the_users_own(string folder)
    {
        Assert.DoesNotContain("InboxRuleHidesInFolder", InboxRuleRules.Table.Assess(Rule("Mine") with { MoveToFolder = Folder(folder) }).ReasonCodes);
    }

    [Theory]
    [InlineData("Invoices", "invoice")]
    [InlineData("PAYMENT overdue", "payment")]
    [InlineData("Wire Transfer request", "wire")]
    [InlineData("Your DocuSign envelope", "docusign")]
    [InlineData("Please do not click", "do not click")]
    [InlineData("Rechnungen", "rechnung")]
    [InlineData("Zahlungseingang", "zahlung")]
    [InlineData("Unusual sign-in alert", "alert")]
    [InlineData("ACH", "ach")]
    [InlineData("ACH remittance", "ach")]
    [InlineData("W2-Formular", "w2")]
    [InlineData("MFA code", "mfa")]
    public void Condition_words_hit_the_sensitive_words_they_contain_ignoring_case(string condition, string word)
    {
        Assert.Contains(word, SensitiveWords.FoundIn(new[] { condition }));
    }

    [Fact]
    public void Every_word_of_the_detection_list_is_watched_inside_a_longer_condition()
    {
        // DETECTION.md, "Inbox rules": the words attackers' rules were seen to look for.
        string[] listed =
        {
            "invoice", "payment", "wire", "transfer", "bank", "ACH", "routing", "remittance", "W2", "payroll", "docusign", "password", "MFA",
            "helpdesk", "security", "alert", "suspicious", "phishing", "hacked", "compromise", "fraud", "scam", "do not click", "bitcoin",
            "crypto", "venmo", "zelle",
        };

        string[] missed = listed.Where(word => SensitiveWords.FoundIn(new[] { "RE: " + word.ToUpperInvariant() + " (2)" }).Length == 0).ToArray();

        Assert.Empty(missed);
    }

    [Theory]
    [InlineData("Projekt")]
    [InlineData("Reisekosten")]
    [InlineData("newsletter@")]
    [InlineData("Nachricht vom Sachbearbeiter")]
    [InlineData("Enter to win")]
    public void Ordinary_condition_words_hit_nothing_and_short_words_do_not_hide_inside_longer_ones(string condition)
    {
        Assert.Empty(SensitiveWords.FoundIn(new[] { condition }));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(",")]
    [InlineData("...")]
    [InlineData("a")]
    [InlineData("1")]
    [InlineData("a.")]
    [InlineData("-1")]
    [InlineData("xkqzrtv")]
    [InlineData("a8f3k2q9")]
    public void Names_chosen_not_to_be_noticed_are_junk(string name)
    {
        Assert.NotNull(RuleNameTraits.JunkBecause(name));
    }

    [Theory]
    [InlineData("CC")]
    [InlineData("VIP")]
    [InlineData("HR")]
    [InlineData("Newsletter")]
    [InlineData("From my manager")]
    [InlineData("Rechnungen2024")]
    [InlineData("Angstschweiß")]
    [InlineData("Kopie an mich")]
    [InlineData("Q4")]
    public void Ordinary_names_and_abbreviations_are_not_junk(string name)
    {
        Assert.Null(RuleNameTraits.JunkBecause(name));
    }

    [Fact]
    public void Forwarding_outside_the_organisation_is_high_on_its_own()
    {
        Assessment assessment = InboxRuleRules.Table.Assess(Rule("Travel") with { ForwardTo = new[] { AttackerDrop } });

        Assert.Equal(RiskLevel.High, assessment.Level);
        Assert.Contains(AttackerDrop, assessment.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_written_without_an_address_counts_as_outside_and_the_reason_says_it_could_not_be_placed()
    {
        Assessment assessment = InboxRuleRules.Table.Assess(Rule("Copy") with { RedirectTo = new[] { "IT Support" } });

        Assert.Equal(RiskLevel.High, assessment.Level);
        Assert.Contains("cannot be placed inside", assessment.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_message_to_a_phone_is_high_and_said_to_be_a_text()
    {
        Assessment assessment = InboxRuleRules.Table.Assess(Rule("Alert") with { SendTextMessageNotificationTo = new[] { "+44 7700 900461" } });

        Assert.Equal(RiskLevel.High, assessment.Level);
        Assert.Equal("texts a notice of each matching message to +44 7700 900461", assessment.Reasons[0]);
    }

    [Fact]
    public void Forwarding_to_a_colleague_is_low_and_to_ones_own_alias_is_nothing()
    {
        Assert.Equal(RiskLevel.Low, InboxRuleRules.Table.Assess(Rule("Approvals") with { ForwardTo = new[] { "pattif@fabrikam.com" } }).Level);
        Assert.Equal(RiskLevel.None, InboxRuleRules.Table.Assess(Rule("Kopie an mich") with { ForwardTo = new[] { NestorAlias }, ConditionWords = new[] { "Reisekosten" } }).Level);
    }

    [Fact]
    public void A_graph_rule_forwarding_to_the_mailboxs_own_principal_name_is_not_forwarding_to_someone_else()
    {
        InboxRuleFacts graphRule = Rule("Copy") with { OwnerAddresses = Array.Empty<string>(), ForwardTo = new[] { Nestor } };

        Assert.False(InboxRuleRules.Table.Assess(graphRule).IsFinding);
    }

    [Fact]
    public void With_the_tenants_domains_unknown_every_target_counts_as_outside_and_the_reason_says_why()
    {
        Assessment assessment = InboxRuleRules.Table.Assess(Rule("Approvals") with { Domains = MailDomains.Unknown, ForwardTo = new[] { "pattif@fabrikam.com" } });

        Assert.Equal(RiskLevel.High, assessment.Level);
        Assert.Contains("domains were not known", assessment.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_spam_is_low_but_deleting_invoice_mail_is_high()
    {
        InboxRuleFacts spam = Rule("Remove spam") with { ConditionWords = new[] { "enter to win" }, Delete = true, StopProcessingRules = true };
        InboxRuleFacts invoices = Rule("Cleanup") with { ConditionWords = new[] { "invoice" }, Delete = true, StopProcessingRules = true };

        Assert.Equal(RiskLevel.Low, InboxRuleRules.Table.Assess(spam).Level);
        Assert.Equal(RiskLevel.High, InboxRuleRules.Table.Assess(invoices).Level);
    }
}
