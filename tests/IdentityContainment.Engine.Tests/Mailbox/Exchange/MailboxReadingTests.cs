using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Exchange;
using static IdentityContainment.Engine.Tests.Mailbox.Exchange.BecFinanceExchangeFixtures;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

public sealed class MailboxReadingTests
{
    [Fact]
    public void Reimported_mailbox_gives_its_forwarding_and_send_on_behalf()
    {
        ExchangeReading reading = Assert.Single(Read(Clixml("Mailbox.clixml")));

        Assert.Equal(ExchangeObjectKind.Mailbox, reading.Kind);
        AssertNestorsForwarding(Facts<MailboxForwardingFacts>(reading));
    }

    [Fact]
    public void The_analysts_csv_of_the_mailbox_gives_the_same_facts()
    {
        ExchangeReading reading = Assert.Single(Read(Csv("Mailbox.csv")));

        AssertNestorsForwarding(Facts<MailboxForwardingFacts>(reading));
    }

    [Fact]
    public void A_live_mailbox_with_exchanges_typed_values_reads_as_their_text()
    {
        var mailbox = LiveExchangeObjects.Object(
            LiveExchangeObjects.MailboxTypes,
            ("Identity", "Nestor Wilke"),
            ("UserPrincipalName", "nestorw@fabrikam.com"),
            ("PrimarySmtpAddress", new ExchangeTypedValue("nestorw@fabrikam.com")),
            ("ExternalDirectoryObjectId", NestorObjectId),
            ("ForwardingSmtpAddress", new ExchangeTypedValue("smtp:nw-archive@mailbox-secure.example")),
            ("ForwardingAddress", new ExchangeTypedValue("Finance Archive")),
            ("DeliverToMailboxAndForward", true),
            ("GrantSendOnBehalfTo", new System.Collections.ArrayList { new ExchangeTypedValue("IT Support"), new ExchangeTypedValue("Patti Fernandez") }));

        MailboxForwardingFacts facts = Facts<MailboxForwardingFacts>(ExchangeObjectReader.Read(mailbox, Fabrikam));

        Assert.Equal("nw-archive@mailbox-secure.example", facts.ForwardingSmtpAddress);
        Assert.Equal(new[] { "IT Support", "Patti Fernandez" }, facts.GrantSendOnBehalfTo);
    }

    [Fact]
    public void A_mailbox_without_forwarding_reads_as_none()
    {
        var row = CsvRows.Row(
            ["Identity", "ForwardingSmtpAddress", "ForwardingAddress", "DeliverToMailboxAndForward", "GrantSendOnBehalfTo"],
            ["Patti Fernandez", "", "", "False", ""]);

        MailboxForwardingFacts facts = Facts<MailboxForwardingFacts>(ExchangeObjectReader.Read(row, Fabrikam));

        Assert.Equal("Patti Fernandez", facts.Mailbox);
        Assert.Null(facts.ForwardingSmtpAddress);
        Assert.Null(facts.ForwardingAddress);
        Assert.False(facts.DeliverToMailboxAndForward);
        Assert.Empty(facts.GrantSendOnBehalfTo);
    }

    [Fact]
    public void Get_EXOMailbox_without_the_forwarding_properties_is_a_mailbox_whose_problem_says_how_to_ask_for_them()
    {
        // Get-EXOMailbox's minimum property set: no forwarding, no send-on-behalf.
        var minimal = LiveExchangeObjects.Object(
            LiveExchangeObjects.ExoMailboxTypes,
            ("ExternalDirectoryObjectId", NestorObjectId),
            ("UserPrincipalName", "nestorw@fabrikam.com"),
            ("Alias", "nestorw"),
            ("DisplayName", "Nestor Wilke"),
            ("EmailAddresses", new[] { "SMTP:nestorw@fabrikam.com" }),
            ("PrimarySmtpAddress", "nestorw@fabrikam.com"),
            ("RecipientType", "UserMailbox"),
            ("RecipientTypeDetails", "UserMailbox"),
            ("Identity", "Nestor Wilke"),
            ("Name", "Nestor Wilke"));

        ExchangeReading reading = ExchangeObjectReader.Read(minimal, Fabrikam);

        Assert.Equal(ExchangeObjectKind.Mailbox, reading.Kind);
        Assert.Null(reading.Facts);
        Assert.Equal(
            "This Get-Mailbox/Get-EXOMailbox object lacks ForwardingSmtpAddress, ForwardingAddress, DeliverToMailboxAndForward, GrantSendOnBehalfTo, " +
            "which are needed to judge it. Get-EXOMailbox leaves them out unless asked: " +
            "Get-EXOMailbox -Properties ForwardingSmtpAddress,ForwardingAddress,DeliverToMailboxAndForward,GrantSendOnBehalfTo (Get-Mailbox returns them always).",
            reading.Problem);
    }

    [Fact]
    public void A_mailbox_object_cut_down_to_nothing_distinctive_is_still_known_by_its_deserialized_type_name()
    {
        var bare = LiveExchangeObjects.Object(["Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox", "Deserialized.System.Object"], ("DisplayName", "Nestor Wilke"));

        ExchangeReading reading = ExchangeObjectReader.Read(bare, Fabrikam);

        Assert.Equal(ExchangeObjectKind.Mailbox, reading.Kind);
        Assert.StartsWith("This Get-Mailbox/Get-EXOMailbox object lacks Identity, ForwardingSmtpAddress,", reading.Problem);
    }

    private static void AssertNestorsForwarding(MailboxForwardingFacts facts)
    {
        Assert.Equal("Nestor Wilke", facts.Mailbox);
        Assert.Equal(NestorObjectId, facts.UserId);
        Assert.Equal("nestorw@fabrikam.com", facts.UserPrincipalName);
        Assert.Equal("nestorw@fabrikam.com", facts.PrimarySmtpAddress);
        Assert.Equal("nw-archive@mailbox-secure.example", facts.ForwardingSmtpAddress);
        Assert.Equal("Finance Archive", facts.ForwardingAddress);
        Assert.True(facts.DeliverToMailboxAndForward);
        Assert.Equal(new[] { "IT Support" }, facts.GrantSendOnBehalfTo);
        Assert.Same(Fabrikam, facts.Domains);
        Assert.NotNull(facts.BeforeImage);
    }
}
