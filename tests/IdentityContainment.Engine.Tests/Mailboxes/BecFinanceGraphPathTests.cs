using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Engine.Tests.Containment;
using IdentityContainment.Mailboxes.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Mailboxes;

/// <summary>The Graph path on the bec-finance tenant, the one the Exchange fixtures describe too: what Graph shows of Nestor's mailbox, and what removing through it closes.</summary>
public sealed class BecFinanceGraphPathTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync(new SandboxOptions { Scenario = "bec-finance", Paging = { MaxPageSize = 2 } });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private UserRecord Nestor => _tenant.Sandbox.Tenant.FindUser("nestorw@fabrikam.com")!;

    [Fact]
    public async Task Graph_shows_Nestors_five_visible_rules_with_German_folders_and_Fabrikams_verified_domains_only()
    {
        MailboxResults results = await GraphInboxRuleReaderTests.ReadAsync(_tenant.Connection, Nestor);

        Assert.Empty(results.Errors);
        Assert.Empty(results.Warnings);

        // The hidden rules ("Sync", the junk e-mail rule) are Exchange's to show: Graph's messageRules leave them out.
        Assert.Equal(new[] { "..", "Cleanup", "Kopie an mich", "Newsletter", "Projekte" }, results.Rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("RSS-Abonnements", WellKnownFolder.None), (results.Rule("..").MoveToFolder!.Name, results.Rule("..").MoveToFolder!.WellKnown));
        Assert.Equal(("Archive Projects", WellKnownFolder.None), (results.Rule("Projekte").MoveToFolder!.Name, results.Rule("Projekte").MoveToFolder!.WellKnown));
        MailDomains domains = results.Rule("Kopie an mich").Domains;
        Assert.Equal(new[] { "fabrikam.com", "fabrikam.onmicrosoft.com" }, domains.Domains.Order(StringComparer.Ordinal));
        Assert.True(domains.IsInternal("nestor.wilke@fabrikam.com"));
        Assert.False(domains.IsInternal("nw-archive@mailbox-secure.example"));
    }

    [Fact]
    public async Task Deleting_the_attackers_two_Graph_rules_closes_their_footholds_and_leaves_the_hidden_one_to_Exchange()
    {
        MailboxResults read = await GraphInboxRuleReaderTests.ReadAsync(_tenant.Connection, Nestor);
        MailboxFinding[] findings = new[] { "..", "Cleanup" }.Select(read.Rule).Select(r => new MailboxFinding
        {
            Mailbox = r.Mailbox, UserId = r.UserId, Kind = MailboxFindingKinds.InboxRule, Source = r.Source, Identity = r.Identity, Name = r.Name,
        }).ToArray();
        var results = new MailboxResults();

        await new InboxRuleRemoval(_tenant.Connection).RemoveAsync(findings, false, results, CancellationToken.None);

        Assert.Empty(results.Errors);
        Assert.All(results.Actions, a => Assert.Equal(ContainmentActionStatus.Succeeded, a.Status));
        FootholdStatus[] rules = _tenant.Sandbox.EvaluateFootholds().Where(f => f.Kind == FootholdKind.InboxRule).ToArray();
        Assert.False(Assert.Single(rules, f => f.Id == "bec-hide-rule").IsOpen);
        Assert.False(Assert.Single(rules, f => f.Id == "bec-delete-rule").IsOpen);
        Assert.True(Assert.Single(rules, f => f.Id == "bec-hidden-rule").IsOpen);
        Assert.Equal(
            new[] { "Junk E-Mail Rule", "Kopie an mich", "Newsletter", "Projekte", "Sync" },
            _tenant.Sandbox.Tenant.FindMailbox(Nestor.Id)!.InboxRules.Select(r => r.DisplayName).Order(StringComparer.Ordinal));
    }
}
