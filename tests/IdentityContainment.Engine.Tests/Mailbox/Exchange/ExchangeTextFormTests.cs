using IdentityContainment.Mailboxes.Exchange;
using static IdentityContainment.Engine.Tests.Mailbox.Exchange.BecFinanceExchangeFixtures;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

public sealed class ExchangeTextFormTests
{
    [Theory]
    [InlineData("\"nw-archive@mailbox-secure.example\" [SMTP:nw-archive@mailbox-secure.example]", "nw-archive@mailbox-secure.example")]
    [InlineData("\"Wilke, Nestor\" [SMTP:nestor.wilke@fabrikam.com]", "nestor.wilke@fabrikam.com")]
    [InlineData("Nestor Wilke [SMTP:nestor.wilke@fabrikam.com]", "nestor.wilke@fabrikam.com")]
    [InlineData("\"IT Support\" [EX:/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=it-support]", "IT Support")]
    [InlineData("[EX:/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=it-support]", "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=it-support")]
    [InlineData("smtp:nw-archive@mailbox-secure.example", "nw-archive@mailbox-secure.example")]
    [InlineData("SMTP:nestorw@fabrikam.com", "nestorw@fabrikam.com")]
    [InlineData("nestorw@fabrikam.com", "nestorw@fabrikam.com")]
    [InlineData("Finance Archive", "Finance Archive")]
    [InlineData("Team: Finance", "Team: Finance")]
    [InlineData("  ", null)]
    public void Exchange_address_forms_reduce_to_the_smtp_address_or_the_recipients_name(string text, string? expected) =>
        Assert.Equal(expected, ExchangeAddress.Normalize(text));

    [Theory]
    [InlineData(@"Nestor Wilke:\RSS-Abonnements", "RSS-Abonnements")]
    [InlineData(@"nestorw@fabrikam.com:\Posteingang\Archive Projects", "Archive Projects")]
    [InlineData(@"Nestor Wilke:\Verlauf der Unterhaltung\", "Verlauf der Unterhaltung")]
    [InlineData(@"\Junk-E-Mail", "Junk-E-Mail")]
    [InlineData("Gelöschte Elemente", "Gelöschte Elemente")]
    public void A_rule_folder_path_is_named_by_its_last_part(string path, string name)
    {
        var folder = ExchangeFolderPath.ToRuleFolder(path);

        Assert.Equal(name, folder?.Name);
        Assert.Null(folder?.Id);
        Assert.Equal(IdentityContainment.Detection.Mailbox.WellKnownFolder.None, folder?.WellKnown);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData(@"Nestor Wilke:\", null)]
    public void No_folder_path_is_no_folder(string path, string? name) => Assert.Equal(name, ExchangeFolderPath.ToRuleFolder(path)?.Name);

    [Theory]
    [InlineData("invoice;payment;wire transfer", new[] { "invoice", "payment", "wire transfer" })]
    [InlineData("invoice; payment", new[] { "invoice", "payment" })]
    [InlineData("invoice, payment", new[] { "invoice", "payment" })]
    [InlineData("{invoice, payment}", new[] { "invoice", "payment" })]
    [InlineData("\"Wilke, Nestor\" [SMTP:nestor.wilke@fabrikam.com], drop@evil.example", new[] { "\"Wilke, Nestor\" [SMTP:nestor.wilke@fabrikam.com]", "drop@evil.example" })]
    [InlineData("\"Wilke; Nestor\" [SMTP:nestor.wilke@fabrikam.com];drop@evil.example", new[] { "\"Wilke; Nestor\" [SMTP:nestor.wilke@fabrikam.com]", "drop@evil.example" })]
    [InlineData("", new string[0])]
    public void Multi_valued_csv_cells_are_split_the_way_the_collector_joined_them(string cell, string[] expected)
    {
        var row = CsvRows.Row(["Identity", "Name", "ForwardTo", "RedirectTo", "ForwardAsAttachmentTo", "DeleteMessage", "MoveToFolder", "SubjectContainsWords"], [@"Nestor Wilke\1", "r", "", "", "", "False", "", cell]);

        Assert.Equal(expected, Facts<IdentityContainment.Detection.Mailbox.InboxRuleFacts>(ExchangeObjectReader.Read(row, Fabrikam)).ConditionWords);
    }

    [Theory]
    [InlineData("System.Collections.ArrayList")]
    [InlineData("System.Object[]")]
    [InlineData("System.String[]")]
    [InlineData("Microsoft.Exchange.Data.MultiValuedProperty`1[System.String]")]
    [InlineData("Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String, mscorlib]]")]
    [InlineData("Microsoft.Exchange.Data.ProxyAddressCollection")]
    public void A_cell_holding_a_collections_type_name_is_reported_as_lost_values(string cell)
    {
        var row = CsvRows.Row(["Identity", "ForwardingSmtpAddress", "ForwardingAddress", "DeliverToMailboxAndForward", "GrantSendOnBehalfTo"], ["Nestor Wilke", "", "", "False", cell]);

        ExchangeReading reading = ExchangeObjectReader.Read(row, Fabrikam);

        Assert.Null(reading.Facts);
        Assert.StartsWith($"This Get-Mailbox/Get-EXOMailbox object cannot be read: GrantSendOnBehalfTo holds '{cell}', the name of a collection type instead of its values", reading.Problem);
    }
}
