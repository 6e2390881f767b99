using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Exchange;
using static IdentityContainment.Engine.Tests.Mailbox.Exchange.BecFinanceExchangeFixtures;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

public sealed class RuleOwnerAddressTests
{
    [Fact]
    public void A_mailbox_reading_knows_every_smtp_address_its_owner_has()
    {
        ExchangeReading mailbox = Assert.Single(Read(Clixml("Mailbox.clixml")));

        Assert.Equal(new[] { "nestorw@fabrikam.com", "nestor.wilke@fabrikam.com", "nestorw@fabrikam.onmicrosoft.com" }, mailbox.OwnerAddresses);
    }

    [Fact]
    public void Rules_collected_with_their_owners_mailbox_carry_its_addresses_so_forwarding_to_his_own_alias_is_seen_as_his()
    {
        var readings = Read(Clixml("InboxRules.clixml").Concat(Clixml("Mailbox.clixml")));

        IReadOnlyList<ExchangeReading> attached = ExchangeRuleOwners.AttachOwnerAddresses(readings);

        InboxRuleFacts copy = Rule(attached.Where(reading => reading.Kind == ExchangeObjectKind.InboxRule), "Kopie an mich");
        Assert.Contains("nestor.wilke@fabrikam.com", copy.OwnerAddresses);
        Assert.Equal(NestorObjectId, copy.UserId);
        Assert.DoesNotContain("nw-archive@mailbox-secure.example", Rule(attached.Where(reading => reading.Kind == ExchangeObjectKind.InboxRule), "Sync").OwnerAddresses);
        Assert.Equal(readings.Count, attached.Count);
    }

    [Fact]
    public void Rules_without_their_owners_mailbox_keep_no_owner_addresses()
    {
        IReadOnlyList<ExchangeReading> attached = ExchangeRuleOwners.AttachOwnerAddresses(Read(Clixml("InboxRules.clixml")));

        Assert.All(attached, reading =>
        {
            Assert.Empty(Facts<InboxRuleFacts>(reading).OwnerAddresses);
            Assert.Null(Facts<InboxRuleFacts>(reading).UserId);
        });
    }

    [Fact]
    public void A_rule_owned_by_an_object_id_finds_its_mailbox_by_that_id()
    {
        var rule = LiveExchangeObjects.InboxRule("Kopie an mich", ("MailboxOwnerId", NestorObjectId), ("ForwardTo", new[] { "\"Nestor Wilke\" [SMTP:nestor.wilke@fabrikam.com]" }));
        var readings = Read(new[] { rule }.Concat(Clixml("Mailbox.clixml")));

        InboxRuleFacts attached = Facts<InboxRuleFacts>(ExchangeRuleOwners.AttachOwnerAddresses(readings)[0]);

        Assert.Contains("nestor.wilke@fabrikam.com", attached.OwnerAddresses);
    }
}
