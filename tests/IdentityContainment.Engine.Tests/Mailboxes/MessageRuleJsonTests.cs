using System.Text.Json.Nodes;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Graph;

namespace IdentityContainment.Engine.Tests.Mailboxes;

/// <summary>Graph's messageRule JSON read into the facts the inbox rule table judges (no I/O).</summary>
public sealed class MessageRuleJsonTests
{
    private static readonly MailboxOwner Nestor = new("u-1", "nestorw@fabrikam.com", new[] { "nestorw@fabrikam.com", "nestor.wilke@fabrikam.com" });

    [Fact]
    public void Every_action_and_condition_Graph_sets_reaches_the_facts_with_the_rule_as_its_before_image()
    {
        JsonNode rule = JsonNode.Parse("""
            {"id":"AQAAAJ5dZqA=","displayName":"..","sequence":1,"isEnabled":false,"hasError":false,"isReadOnly":false,
             "conditions":{"bodyOrSubjectContains":["Rechnung","invoice"],"senderContains":["ceo"],"fromAddresses":[{"emailAddress":{"name":"CFO","address":"cfo@fabrikam.com"}}]},
             "exceptions":{"subjectContains":["newsletter"]},
             "actions":{"moveToFolder":"F-RSS","copyToFolder":"F-GONE","markAsRead":true,"stopProcessingRules":true,"delete":true,"permanentDelete":true,
                        "forwardTo":[{"emailAddress":{"name":"x","address":"nw-archive@mailbox-secure.example"}}],
                        "redirectTo":[{"emailAddress":{"address":"r@evil.example"}}],
                        "forwardAsAttachmentTo":[{"emailAddress":{"address":"a@evil.example"}}]}}
            """)!;
        var folders = new Dictionary<string, RuleFolder> { ["F-RSS"] = new() { Id = "F-RSS", Name = "RSS-Abonnements" } };
        var domains = new MailDomains(new[] { "fabrikam.com" });

        InboxRuleFacts facts = MessageRuleJson.Read(rule, Nestor, folders, domains);

        Assert.Equal(("nestorw@fabrikam.com", "u-1", "AQAAAJ5dZqA=", "..", false, "Graph"), (facts.Mailbox, facts.UserId, facts.Identity, facts.Name, facts.Enabled, facts.Source));
        Assert.Equal(new[] { "nw-archive@mailbox-secure.example" }, facts.ForwardTo);
        Assert.Equal(new[] { "r@evil.example" }, facts.RedirectTo);
        Assert.Equal(new[] { "a@evil.example" }, facts.ForwardAsAttachmentTo);
        Assert.True(facts.Delete && facts.PermanentDelete && facts.MarkAsRead && facts.StopProcessingRules);
        Assert.Equal("RSS-Abonnements", facts.MoveToFolder!.Name);

        // A folder that could not be resolved keeps its id, unnamed: never a guessed name.
        Assert.Equal(("F-GONE", (string?)null), (facts.CopyToFolder!.Id, facts.CopyToFolder.Name));

        // Exceptions narrow a rule; only conditions aim it.
        Assert.Equal(new[] { "Rechnung", "invoice", "ceo" }, facts.ConditionWords.OrderBy(w => w == "ceo"));
        Assert.Equal(new[] { "cfo@fabrikam.com" }, facts.ConditionAddresses);
        Assert.Same(domains, facts.Domains);
        Assert.Equal(Nestor.Addresses, facts.OwnerAddresses);
        Assert.True(JsonNode.DeepEquals(rule, JsonNode.Parse(facts.BeforeImage!)));
    }

    [Fact]
    public void A_rule_with_only_what_Graph_sends_for_an_unset_rule_is_enabled_and_does_nothing()
    {
        InboxRuleFacts facts = MessageRuleJson.Read(JsonNode.Parse("""{"id":"r","displayName":"Empty"}""")!, Nestor, new Dictionary<string, RuleFolder>(), MailDomains.Unknown);

        Assert.True(facts.Enabled);
        Assert.Empty(facts.MailTargets);
        Assert.Null(facts.MoveToFolder);
        Assert.False(facts.Delete || facts.MarkAsRead || facts.StopProcessingRules);
    }

    [Fact]
    public void The_owners_addresses_are_the_mail_and_the_smtp_proxy_addresses_without_prefix()
    {
        var user = new ContainmentUser
        {
            Id = "u-1",
            UserPrincipalName = "nestorw@fabrikam.com",
            Mail = "nestorw@fabrikam.com",
            ProxyAddresses = new[] { "SMTP:nestorw@fabrikam.com", "smtp:nestor.wilke@fabrikam.com", "X500:/o=ExchangeLabs/cn=Recipients/cn=nestor", "SIP:nestorw@fabrikam.com" },
        };

        MailboxOwner owner = MailboxOwner.Of(user);

        Assert.Equal(("u-1", "nestorw@fabrikam.com"), (owner.UserId, owner.Mailbox));
        Assert.Equal(new[] { "nestorw@fabrikam.com", "nestor.wilke@fabrikam.com" }, owner.Addresses);
    }
}
