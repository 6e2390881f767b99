namespace IdentityContainment.Sandbox.Tests;

/// <summary>What the loader refuses in a scenario's mailboxes, so a typo cannot silently change the story.</summary>
public sealed class MailScenarioValidationTests
{
    [Fact]
    public void Bec_finance_loads_with_its_eight_footholds_in_fabrikam()
    {
        var scenario = ScenarioLoader.Load("bec-finance");

        Assert.Equal("bec-finance", scenario.Name);
        Assert.Equal(8, scenario.Footholds.Count);
        Assert.Equal(["fabrikam.onmicrosoft.com", "fabrikam.com"], scenario.Tenant.VerifiedDomains.Select(d => d.Name));
        Assert.Equal(["fabrikam-partners.com"], scenario.Tenant.UnverifiedDomains);
        Assert.Contains(scenario.Operators.Applications, a => a.DisplayName == "IdentityContainment Automation");
    }

    private static Scenario AdeleMailbox(Func<MailboxRecord, MailboxRecord> change)
    {
        var scenario = ScenarioLoader.Load("aitm-bec");
        return scenario with { Mailboxes = scenario.Mailboxes.Select(m => m.UserId == Known.AdeleId ? change(m) : m).ToArray() };
    }

    [Fact]
    public void A_rule_moving_mail_to_a_folder_the_mailbox_lacks_is_refused()
    {
        var scenario = AdeleMailbox(m => m with { Folders = m.Folders.Where(f => f.DisplayName != "RSS Feeds").ToArray() });

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.Prepare(scenario, "in-code"));
        Assert.Contains("rule '..' moves or copies to folder 'Y29udG9zby1hZGVsZS1yc3NmZWVkcw='", e.Message);
    }

    [Fact]
    public void A_well_known_name_graph_does_not_document_is_refused()
    {
        var scenario = AdeleMailbox(m => m with { Folders = [.. m.Folders, new MailFolderRecord { Id = "AAMkx", DisplayName = "RSS", WellKnownName = "rssfeeds" }] });

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.Prepare(scenario, "in-code"));
        Assert.Contains("'rssfeeds' is not a well-known folder name", e.Message);
    }

    [Fact]
    public void Forwarding_to_a_recipient_the_tenant_does_not_have_is_refused()
    {
        var scenario = AdeleMailbox(m => m with { Forwarding = new MailboxForwardingRecord { ForwardingAddress = "Nobody Known" } });

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.Prepare(scenario, "in-code"));
        Assert.Contains("'Nobody Known' is neither a mail contact nor a user of the tenant", e.Message);
    }

    [Fact]
    public void Forwarding_with_no_address_at_all_is_refused()
    {
        var scenario = AdeleMailbox(m => m with { Forwarding = new MailboxForwardingRecord { DeliverToMailboxAndForward = true } });

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.Prepare(scenario, "in-code"));
        Assert.Contains("give forwardingSmtpAddress, forwardingAddress or both", e.Message);
    }
}
