using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Exchange;
using static IdentityContainment.Engine.Tests.Mailbox.Exchange.BecFinanceExchangeFixtures;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

public sealed class HiddenInboxRuleTests
{
    [Fact]
    public void Only_exchanges_own_hidden_rules_are_known_hidden_from_one_listing_alone()
    {
        IReadOnlyList<ExchangeReading> readings = Read(Clixml("InboxRules.clixml"));

        Assert.Equal(new[] { "Junk E-Mail Rule" }, readings.Select(Facts<InboxRuleFacts>).Where(rule => rule.Hidden).Select(rule => rule.Name));
    }

    [Fact]
    public void Comparing_the_IncludeHidden_listing_with_the_plain_one_marks_the_attackers_hidden_rule()
    {
        var withHidden = Read(Clixml("InboxRules.clixml")).Select(Facts<InboxRuleFacts>);
        var visible = Read(Clixml("InboxRules.Visible.clixml")).Select(Facts<InboxRuleFacts>);

        IReadOnlyList<InboxRuleFacts> marked = HiddenInboxRules.MarkAgainstVisible(withHidden, visible);

        Assert.Equal(7, marked.Count);
        Assert.Equal(new[] { "Sync", "Junk E-Mail Rule" }, marked.Where(rule => rule.Hidden).Select(rule => rule.Name));
    }

    [Theory]
    [InlineData("IsHidden", "True", true)]
    [InlineData("Hidden", "False", false)]
    [InlineData("RuleVisibility", "Hidden", true)]
    [InlineData("RuleVisibility", "Visible", false)]
    public void A_collectors_visibility_column_says_whether_the_rule_is_hidden(string column, string value, bool hidden)
    {
        var row = CsvRows.Row(
            ["Identity", "Name", "ForwardTo", "RedirectTo", "ForwardAsAttachmentTo", "DeleteMessage", "MoveToFolder", column],
            [@"Nestor Wilke\5764607523034234886", "Sync", "nw-archive@mailbox-secure.example", "", "", "False", "", value]);

        Assert.Equal(hidden, Facts<InboxRuleFacts>(ExchangeObjectReader.Read(row, Fabrikam)).Hidden);
    }

    [Theory]
    [InlineData("Junk E-Mail Rule", true)]
    [InlineData("Junk E-mail Rule", true)]
    [InlineData("Microsoft.Exchange.OOF.KnownExternalSenders.Global", true)]
    [InlineData("Junk", false)]
    [InlineData("Sync", false)]
    public void System_rules_are_told_by_name(string name, bool system) => Assert.Equal(system, RuleNameTraits.IsSystemRule(name));
}
