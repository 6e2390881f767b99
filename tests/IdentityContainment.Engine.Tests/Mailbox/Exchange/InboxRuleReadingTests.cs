using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Exchange;
using static IdentityContainment.Engine.Tests.Mailbox.Exchange.BecFinanceExchangeFixtures;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

public sealed class InboxRuleReadingTests
{
    [Fact]
    public void Reimported_IncludeHidden_listing_gives_every_rule_of_nestor_with_what_it_matches_and_does()
    {
        IReadOnlyList<ExchangeReading> readings = Read(Clixml("InboxRules.clixml"));

        Assert.All(readings, reading => Assert.Equal(ExchangeObjectKind.InboxRule, reading.Kind));
        Assert.Equal(new[] { "..", "Cleanup", "Projekte", "Newsletter", "Kopie an mich", "Sync", "Junk E-Mail Rule" }, readings.Select(r => Facts<InboxRuleFacts>(r).Name));

        InboxRuleFacts dots = Rule(readings, "..");
        Assert.Equal("Nestor Wilke", dots.Mailbox);
        Assert.Equal(@"Nestor Wilke\5764607523034234881", dots.Identity);
        Assert.Equal(MailboxFindingSources.ExchangeOnline, dots.Source);
        Assert.True(dots.Enabled);
        Assert.Equal(new[] { "Rechnung", "invoice", "Zahlung", "payment" }, dots.ConditionWords);
        Assert.Equal("RSS-Abonnements", dots.MoveToFolder?.Name);
        Assert.True(dots.MarkAsRead);
        Assert.True(dots.StopProcessingRules);
        Assert.Empty(dots.MailTargets);
        Assert.Same(Fabrikam, dots.Domains);

        InboxRuleFacts cleanup = Rule(readings, "Cleanup");
        Assert.True(cleanup.Delete);
        Assert.False(cleanup.PermanentDelete);
        Assert.Equal(new[] { "invoice" }, cleanup.ConditionWords);

        Assert.Equal("Archive Projects", Rule(readings, "Projekte").MoveToFolder?.Name);
        Assert.Equal(new[] { "newsletter@" }, Rule(readings, "Newsletter").ConditionWords);
        Assert.Equal(new[] { "nestor.wilke@fabrikam.com" }, Rule(readings, "Kopie an mich").ForwardTo);
        Assert.Equal(new[] { "nw-archive@mailbox-secure.example" }, Rule(readings, "Sync").ForwardTo);
    }

    [Fact]
    public void The_analysts_csv_gives_the_same_facts_as_the_clixml()
    {
        IReadOnlyList<InboxRuleFacts> fromClixml = Read(Clixml("InboxRules.clixml")).Select(Facts<InboxRuleFacts>).ToList();
        IReadOnlyList<InboxRuleFacts> fromCsv = Read(Csv("InboxRules.csv")).Select(Facts<InboxRuleFacts>).ToList();

        Assert.Equal(fromClixml.Count, fromCsv.Count);
        for (int i = 0; i < fromClixml.Count; i++)
        {
            InboxRuleFacts expected = fromClixml[i];
            InboxRuleFacts actual = fromCsv[i];
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Identity, actual.Identity);
            Assert.Equal(expected.Mailbox, actual.Mailbox);
            Assert.Equal(expected.Enabled, actual.Enabled);
            Assert.Equal(expected.Hidden, actual.Hidden);
            Assert.Equal(expected.ForwardTo, actual.ForwardTo);
            Assert.Equal(expected.RedirectTo, actual.RedirectTo);
            Assert.Equal(expected.ForwardAsAttachmentTo, actual.ForwardAsAttachmentTo);
            Assert.Equal(expected.Delete, actual.Delete);
            Assert.Equal(expected.PermanentDelete, actual.PermanentDelete);
            Assert.Equal(expected.MoveToFolder, actual.MoveToFolder);
            Assert.Equal(expected.CopyToFolder, actual.CopyToFolder);
            Assert.Equal(expected.MarkAsRead, actual.MarkAsRead);
            Assert.Equal(expected.StopProcessingRules, actual.StopProcessingRules);
            Assert.Equal(expected.ConditionWords, actual.ConditionWords);
        }
    }

    [Fact]
    public void A_csv_exported_without_joining_its_collections_is_a_problem_that_says_so_not_a_rule_without_forwarding()
    {
        IReadOnlyList<ExchangeReading> readings = Read(Csv("InboxRules.Unjoined.csv"));

        ExchangeReading sync = readings[5];
        Assert.Equal(ExchangeObjectKind.InboxRule, sync.Kind);
        Assert.False(sync.IsRead);
        Assert.Null(sync.Facts);
        Assert.Contains("ForwardTo holds 'System.Collections.ArrayList'", sync.Problem);
        Assert.Contains("Export-Clixml", sync.Problem);

        // A row whose multi-valued properties were all empty lost nothing, and reads.
        Assert.Equal("Junk E-Mail Rule", Facts<InboxRuleFacts>(readings[6]).Name);
    }

    [Fact]
    public void A_live_rule_with_exchanges_typed_values_and_collections_reads_as_the_text_exchange_shows()
    {
        var rule = LiveExchangeObjects.InboxRule(
            "Weiterleitung",
            ("ForwardTo", new System.Collections.ArrayList { new ExchangeTypedValue("\"Wilke, Nestor\" [SMTP:nestor.wilke@fabrikam.com]"), "\"Drop\" [SMTP:drop@evil.example]" }),
            ("RedirectTo", new[] { new ExchangeTypedValue("\"IT Support\" [EX:/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=it-support]") }),
            ("ForwardAsAttachmentTo", new List<string> { "smtp:copy@evil.example" }),
            ("SendTextMessageNotificationTo", new[] { "+491701234567" }),
            ("From", new[] { new ExchangeTypedValue("\"CFO\" [SMTP:cfo@fabrikam.com]") }),
            ("SubjectContainsWords", new[] { "wire", "ACH" }),
            ("CopyToFolder", new ExchangeTypedValue(@"Nestor Wilke:\Posteingang\Archiv")),
            ("SoftDeleteMessage", true),
            ("Enabled", false));

        InboxRuleFacts facts = Facts<InboxRuleFacts>(ExchangeObjectReader.Read(rule, Fabrikam));

        Assert.Equal(new[] { "nestor.wilke@fabrikam.com", "drop@evil.example" }, facts.ForwardTo);
        Assert.Equal(new[] { "IT Support </o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=it-support>" }, facts.RedirectTo);
        Assert.Equal(new[] { "drop@evil.example", "copy@evil.example", "+491701234567" }, InboxRuleTraits.ExternalTargets(facts));
        Assert.Equal(new[] { "copy@evil.example" }, facts.ForwardAsAttachmentTo);
        Assert.Equal(new[] { "+491701234567" }, facts.SendTextMessageNotificationTo);
        Assert.Equal(new[] { "cfo@fabrikam.com" }, facts.ConditionAddresses);
        Assert.Equal(new[] { "wire", "ACH" }, facts.ConditionWords);
        Assert.Equal("Archiv", facts.CopyToFolder?.Name);
        Assert.True(facts.PermanentDelete);
        Assert.False(facts.Enabled);
    }

    [Fact]
    public void A_rule_owned_by_an_object_id_carries_it_as_the_user_id()
    {
        var rule = LiveExchangeObjects.InboxRule("Sync", ("MailboxOwnerId", NestorObjectId), ("Identity", $"{NestorObjectId}\\5764607523034234886"));

        InboxRuleFacts facts = Facts<InboxRuleFacts>(ExchangeObjectReader.Read(rule, Fabrikam));

        Assert.Equal(NestorObjectId, facts.UserId);
        Assert.Equal(NestorObjectId, facts.Mailbox);
    }

    [Fact]
    public void A_rule_without_identity_is_named_by_its_owner_and_rule_identity()
    {
        var row = CsvRows.Row(
            ["MailboxOwnerId", "RuleIdentity", "Name", "ForwardTo", "RedirectTo", "ForwardAsAttachmentTo", "DeleteMessage", "MoveToFolder"],
            ["Nestor Wilke", "5764607523034234886", "Sync", "nw-archive@mailbox-secure.example", "", "", "False", ""]);

        InboxRuleFacts facts = Facts<InboxRuleFacts>(ExchangeObjectReader.Read(row, Fabrikam));

        Assert.Equal(@"Nestor Wilke\5764607523034234886", facts.Identity);
        Assert.True(facts.Enabled);
    }

    [Fact]
    public void A_rule_row_without_its_action_columns_names_each_missing_one()
    {
        var row = CsvRows.Row(["Identity", "Name", "Enabled", "MoveToFolder", "DeleteMessage"], [@"Nestor Wilke\1", "Sync", "True", "", "False"]);

        ExchangeReading reading = ExchangeObjectReader.Read(row, Fabrikam);

        Assert.Equal(ExchangeObjectKind.InboxRule, reading.Kind);
        Assert.Null(reading.Facts);
        Assert.Equal(
            "This Get-InboxRule object lacks ForwardTo, RedirectTo, ForwardAsAttachmentTo, which are needed to judge it. " +
            "Collect the objects whole (Export-Clixml), or keep these columns when exporting to CSV.",
            reading.Problem);
    }

    [Fact]
    public void A_flag_that_is_neither_true_nor_false_is_named_in_the_problem()
    {
        var rule = LiveExchangeObjects.InboxRule("Sync", ("Enabled", "vielleicht"));

        ExchangeReading reading = ExchangeObjectReader.Read(rule, Fabrikam);

        Assert.Equal("This Get-InboxRule object cannot be read: Enabled is 'vielleicht', which is neither True nor False.", reading.Problem);
    }

    [Fact]
    public void The_before_image_is_the_rules_properties_as_json_and_nothing_else()
    {
        var source = Clixml("InboxRules.clixml")[5];
        InboxRuleFacts sync = Facts<InboxRuleFacts>(ExchangeObjectReader.Read(source, Fabrikam));

        var image = System.Text.Json.Nodes.JsonNode.Parse(sync.BeforeImage!)!.AsObject();

        Assert.Equal(source.Properties.Select(p => p.Name), image.Select(pair => pair.Key));
        Assert.Equal("Sync", (string?)image["Name"]);
        Assert.Equal("\"nw-archive@mailbox-secure.example\" [SMTP:nw-archive@mailbox-secure.example]", (string?)image["ForwardTo"]![0]);
        Assert.Equal(5764607523034234886UL, (ulong)image["RuleIdentity"]!);
        Assert.False((bool)image["DeleteMessage"]!);
        Assert.Null(image["RedirectTo"]);
    }
}
