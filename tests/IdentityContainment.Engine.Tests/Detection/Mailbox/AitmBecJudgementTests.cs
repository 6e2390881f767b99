using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Engine.Tests.Detection.Mailbox;

/// <summary>
/// The inbox rules of the aitm-bec scenario (src/IdentityContainment.Sandbox/Scenarios/aitm-bec.json) as Graph gives
/// them: Adele's "." and ".." are the attacker's (footholds AQAAAJ5dZhE= and AQAAAJ5dZhI=) and must be High; the
/// colleagues' and Adele's own rules are what people really write and must not be.
/// </summary>
public sealed class AitmBecJudgementTests
{
    private static readonly MailDomains Contoso = new(new[] { "contosodemo.onmicrosoft.com", "contoso.com" });

    private static InboxRuleFacts GraphRule(string user, string id, string name) => new()
    {
        Mailbox = user,
        UserId = user,
        Identity = id,
        Name = name,
        Source = MailboxFindingSources.Graph,
        Domains = Contoso,
    };

    public static TheoryData<InboxRuleFacts, string?> Rules => new()
    {
        { GraphRule("adelev@contoso.com", "AQAAAJ5dZhE=", ".") with { ForwardTo = new[] { "ap.archive@securemail-relay.example" } }, "High" },
        {
            GraphRule("adelev@contoso.com", "AQAAAJ5dZhI=", "..") with
            {
                ConditionWords = new[] { "invoice", "payment", "wire", "bank", "remittance", "transfer", "ACH" },
                MoveToFolder = new RuleFolder { Id = "Y29udG9zby1hZGVsZS1yc3NmZWVkcw=", Name = "RSS Feeds", WellKnown = WellKnownFolder.RssFeeds },
                MarkAsRead = true,
                StopProcessingRules = true,
            },
            "High"
        },
        {
            GraphRule("adelev@contoso.com", "AQAAAJ5dZqE=", "Vendor newsletters") with
            {
                ConditionWords = new[] { "newsletter@", "news@" },
                MoveToFolder = new RuleFolder { Id = "Y29udG9zby1hZGVsZS1uZXdzbGV0dGVycw=", Name = "Newsletters" },
                StopProcessingRules = true,
            },
            null
        },
        { GraphRule("adelev@contoso.com", "AQAAAJ5dZqI=", "From my manager") with { ConditionAddresses = new[] { "alexw@contoso.com" } }, null },

        // Alex's spam rule deletes mail: worth a look, not an alarm. His copy to Adele stays inside the organisation.
        { GraphRule("alexw@contoso.com", "AQAAAJ5dZrE=", "Remove spam") with { ConditionWords = new[] { "enter to win" }, Delete = true, StopProcessingRules = true }, "Low" },
        { GraphRule("alexw@contoso.com", "AQAAAJ5dZrI=", "Copy approvals to Adele") with { ConditionWords = new[] { "Approval needed" }, ForwardTo = new[] { "adelev@contoso.com" } }, "Low" },
        {
            GraphRule("meganb@contoso.com", "AQAAAJ5dZsE=", "Board correspondence") with
            {
                ConditionWords = new[] { "board@contoso.com" },
                MoveToFolder = new RuleFolder { Id = "Y29udG9zby1tZWdhbi1ib2FyZA=", Name = "Board" },
            },
            null
        },
        {
            GraphRule("lynner@contoso.com", "AQAAAJ5dZtE=", "Travel confirmations") with
            {
                Enabled = false,
                ConditionWords = new[] { "Itinerary" },
                MoveToFolder = new RuleFolder { Id = "Y29udG9zby1seW5uZS10cmF2ZWw=", Name = "Travel" },
            },
            null
        },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_attackers_rules_are_high_and_the_users_own_are_not(InboxRuleFacts rule, string? risk)
    {
        Assert.Equal(risk, MailboxJudge.Judge(rule)?.RiskLevel);
    }

    [Fact]
    public void A_graph_rule_is_removed_with_the_microsoft_graph_command_for_its_message_rule()
    {
        InboxRuleFacts forward = GraphRule("adelev@contoso.com", "AQAAAJ5dZhE=", ".") with { UserId = "0c8b2b2e-1111-4d7e-9f1a-3a9c7f2b6d10", ForwardTo = new[] { "ap.archive@securemail-relay.example" } };

        MailboxFinding finding = MailboxJudge.Judge(forward)!;

        Assert.Equal(MailboxFindingSources.Graph, finding.Source);
        Assert.Equal(
            "Remove-MgUserMailFolderMessageRule -UserId '0c8b2b2e-1111-4d7e-9f1a-3a9c7f2b6d10' -MailFolderId 'inbox' -MessageRuleId 'AQAAAJ5dZhE='",
            finding.RemediationCommand);
    }
}
