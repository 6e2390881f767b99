using System.Text.Json.Nodes;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Engine.Tests.Containment;
using IdentityContainment.Graph;
using IdentityContainment.Mailboxes.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Mailboxes;

/// <summary>Graph inbox rule removal against the aitm-bec tenant: what the sandbox holds afterwards is the proof.</summary>
public sealed class InboxRuleRemovalTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private UserRecord Adele => _tenant.Sandbox.Tenant.FindUser("adelev@contoso.com")!;

    private IReadOnlyList<InboxRuleRecord> AdelesRules => _tenant.Sandbox.Tenant.FindMailbox(Adele.Id)!.InboxRules;

    [Fact]
    public async Task Deleting_the_attackers_rules_closes_their_footholds_keeps_his_own_and_carries_each_rule_as_it_was()
    {
        MailboxFinding[] findings = await FindingsAsync(".", "..");
        Assert.All(findings, f => Assert.Contains(_tenant.Sandbox.EvaluateFootholds(), h => h.Kind == FootholdKind.InboxRule && h.Target == f.Identity && h.IsOpen));

        MailboxResults results = await RemoveAsync(findings, disable: false);

        Assert.Empty(results.Errors);
        Assert.Equal(2, results.Actions.Count);
        Assert.All(results.Actions, a => Assert.Equal((ContainmentActions.RemoveInboxRule, ContainmentActionStatus.Succeeded, Adele.Id), (a.Action, a.Status, a.UserId)));
        foreach (MailboxFinding finding in findings)
        {
            ContainmentAction action = Assert.Single(results.Actions, a => a.Target == finding.Identity);
            JsonNode before = JsonNode.Parse(action.BeforeImage!)!;
            Assert.Equal((finding.Identity, finding.Name), (GraphJson.Text(before, "id"), GraphJson.Text(before, "displayName")));
            Assert.NotNull(action.RequestId);
        }

        Assert.Equal(new[] { "From my manager", "Vendor newsletters" }, AdelesRules.Select(r => r.DisplayName).Order(StringComparer.Ordinal));
        FootholdStatus[] closed = _tenant.Sandbox.EvaluateFootholds().Where(f => f.Kind == FootholdKind.InboxRule && findings.Any(x => x.Identity == f.Target)).ToArray();
        Assert.Equal(2, closed.Length);
        Assert.All(closed, f => Assert.False(f.IsOpen, f.Reason));
    }

    [Fact]
    public async Task Disabling_turns_the_rule_off_in_place_and_closes_its_foothold()
    {
        MailboxFinding[] findings = await FindingsAsync("..");

        MailboxResults results = await RemoveAsync(findings, disable: true);

        Assert.Empty(results.Errors);
        ContainmentAction action = Assert.Single(results.Actions);
        Assert.Equal((ContainmentActions.DisableInboxRule, ContainmentActionStatus.Succeeded), (action.Action, action.Status));
        Assert.Equal(true, GraphJson.Flag(JsonNode.Parse(action.BeforeImage!), "isEnabled"));
        InboxRuleRecord rule = Assert.Single(AdelesRules, r => r.Id == findings[0].Identity);
        Assert.False(rule.IsEnabled);
        Assert.Equal(4, AdelesRules.Count);
        Assert.False(Assert.Single(_tenant.Sandbox.EvaluateFootholds(), f => f.Kind == FootholdKind.InboxRule && f.Target == rule.Id).IsOpen);
    }

    [Fact]
    public async Task A_rule_already_gone_is_skipped_not_failed_and_the_rest_are_removed()
    {
        MailboxFinding[] findings = await FindingsAsync(".", "..");
        _tenant.Sandbox.Tenant.RemoveInboxRule(Adele.Id, findings[0].Identity);

        MailboxResults results = await RemoveAsync(findings, disable: false);

        Assert.Empty(results.Errors);
        ContainmentAction gone = Assert.Single(results.Actions, a => a.Target == findings[0].Identity);
        Assert.Equal(ContainmentActionStatus.Skipped, gone.Status);
        Assert.Contains("already gone", gone.Message, StringComparison.Ordinal);
        Assert.Null(gone.BeforeImage);
        Assert.Equal(ContainmentActionStatus.Succeeded, Assert.Single(results.Actions, a => a.Target == findings[1].Identity).Status);
    }

    [Fact]
    public async Task A_finding_that_is_not_a_Graph_inbox_rule_is_an_error_and_the_others_go_on()
    {
        MailboxFinding[] findings = await FindingsAsync("..");
        var exchange = new MailboxFinding { Mailbox = "adelev@contoso.com", Kind = MailboxFindingKinds.InboxRule, Source = MailboxFindingSources.ExchangeOnline, Identity = @"adelev\123", Name = "Sync", RemediationCommand = @"Remove-InboxRule -Identity 'adelev\123'" };

        MailboxResults results = await RemoveAsync(findings.Append(exchange).ToArray(), disable: false);

        Errors.ContainmentException error = Assert.Single(results.Errors);
        Assert.Equal(("NotAGraphInboxRule", Errors.ContainmentErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains("Remove-InboxRule", error.Message, StringComparison.Ordinal);
        Assert.Equal(ContainmentActionStatus.Succeeded, Assert.Single(results.Actions).Status);
    }

    [Fact]
    public async Task Without_MailboxSettings_ReadWrite_the_removal_fails_naming_the_permission_and_the_rule_stays()
    {
        MailboxFinding[] findings = await FindingsAsync("..");
        using Connection.GraphConnection readOnly = await _tenant.ConnectWithOnlyAsync("User.Read.All", "MailboxSettings.Read");
        var results = new MailboxResults();

        await new InboxRuleRemoval(readOnly).RemoveAsync(findings, false, results, CancellationToken.None);

        Errors.ContainmentException error = Assert.Single(results.Errors);
        Assert.Contains("MailboxSettings.ReadWrite", error.Message, StringComparison.Ordinal);
        Assert.Equal(ContainmentActionStatus.Failed, Assert.Single(results.Actions).Status);
        Assert.Contains(AdelesRules, r => r.DisplayName == "..");
    }

    private async Task<MailboxResults> RemoveAsync(MailboxFinding[] findings, bool disable)
    {
        var results = new MailboxResults();
        await new InboxRuleRemoval(_tenant.Connection).RemoveAsync(findings, disable, results, CancellationToken.None);
        return results;
    }

    /// <summary>Findings as the Graph path makes them: read through the reader, so ids and mailbox are Graph's own.</summary>
    private async Task<MailboxFinding[]> FindingsAsync(params string[] ruleNames)
    {
        MailboxResults read = await GraphInboxRuleReaderTests.ReadAsync(_tenant.Connection, Adele);
        return ruleNames.Select(read.Rule).Select(rule => new MailboxFinding
        {
            Mailbox = rule.Mailbox,
            UserId = rule.UserId,
            Kind = MailboxFindingKinds.InboxRule,
            Source = rule.Source,
            Identity = rule.Identity,
            Name = rule.Name,
            Enabled = rule.Enabled,
            BeforeImage = rule.BeforeImage,
        }).ToArray();
    }
}
