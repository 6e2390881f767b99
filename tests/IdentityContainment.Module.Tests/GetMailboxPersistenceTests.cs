using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>Get-MailboxPersistence and Remove-MailboxPersistence on the Graph path, in the aitm-bec tenant.</summary>
public sealed class GetMailboxPersistenceTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public GetMailboxPersistenceTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [Fact]
    public void The_attackers_rules_are_High_and_the_users_own_rules_are_not_findings()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("Get-MailboxPersistence -UserId adelev@contoso.com");

        Assert.Empty(result.AllErrors);
        dynamic[] findings = result.Rows("MailboxFinding");
        Assert.Equal(new[] { ".", ".." }, findings.Select(f => (string)f.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.All(findings, f => Assert.Equal(("High", "InboxRule", "Graph"), ((string)f.RiskLevel, (string)f.Kind, (string)f.Source)));
        dynamic forward = findings.Single(f => (string)f.Name == ".");
        Assert.Contains("ap.archive@securemail-relay.example", (string[])forward.Targets);
        Assert.Contains("Remove-MgUserMailFolderMessageRule", (string)forward.RemediationCommand, StringComparison.Ordinal);
        dynamic hide = findings.Single(f => (string)f.Name == "..");
        Assert.Contains((string[])hide.Targets, t => t.Contains("RSS Feeds", StringComparison.Ordinal));
        Assert.Contains("\"displayName\"", (string)hide.BeforeImage, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_piped_in_mix_with_a_bad_object_which_is_reported_while_the_rest_go_on()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("'adelev@contoso.com', [pscustomobject]@{ Colour = 'blue' }, 'nobody@contoso.com', (Get-ContainmentUser -UserId alexw@contoso.com) | Get-MailboxPersistence");

        Assert.Contains(result.Rows("MailboxFinding"), f => (string)f.Name == "." && ((string)f.Mailbox).StartsWith("adelev", StringComparison.OrdinalIgnoreCase));
        string[] errors = result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "UnrecognizedMailboxInput", "UserNotFound" }, errors);
        ErrorRecord unknown = result.Errors.Single(e => e.FullyQualifiedErrorId.StartsWith("UnrecognizedMailboxInput", StringComparison.Ordinal));
        Assert.Contains("Get-InboxRule", unknown.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, unknown.CategoryInfo.Category);
    }

    [Fact]
    public void MinimumRisk_High_leaves_out_what_is_only_Low()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult all = shell.Run("Get-MailboxPersistence -UserId alexw@contoso.com");
        ScriptResult high = shell.Run("Get-MailboxPersistence -UserId alexw@contoso.com -MinimumRisk High");

        Assert.Empty(all.AllErrors);
        Assert.DoesNotContain(high.Rows("MailboxFinding"), f => (string)f.RiskLevel != "High");
        Assert.Contains(all.Rows("MailboxFinding"), f => (string)f.RiskLevel != "High");
    }

    [Fact]
    public void WhatIf_removes_nothing()
    {
        int rules = Sandbox.Tenant.FindMailbox(Sandbox.Tenant.FindUser("adelev@contoso.com")!.Id)!.InboxRules.Count;
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("Get-MailboxPersistence -UserId adelev@contoso.com | Remove-MailboxPersistence -WhatIf");

        Assert.Empty(result.AllErrors);
        Assert.Empty(result.Output);
        Assert.Equal(rules, Sandbox.Tenant.FindMailbox(Sandbox.Tenant.FindUser("adelev@contoso.com")!.Id)!.InboxRules.Count);
        Assert.True(Sandbox.EvaluateFootholds().Single(f => f.Id == "aitm-forward-rule").IsOpen);
    }
}

/// <summary>Remove-MailboxPersistence on the Graph path, as the runbook runs it, in a tenant of its own.</summary>
public sealed class RemoveMailboxPersistenceGraphTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public RemoveMailboxPersistenceGraphTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [Fact]
    public void The_runbooks_pipeline_removes_the_attackers_rules_keeps_the_users_own_and_closes_the_footholds()
    {
        string[] before = Sandbox.Tenant.FindMailbox(Sandbox.Tenant.FindUser("adelev@contoso.com")!.Id)!.InboxRules.Select(r => r.DisplayName).ToArray();
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("Get-MailboxPersistence -UserId adelev@contoso.com -MinimumRisk High | Remove-MailboxPersistence -Confirm:$false");

        Assert.Empty(result.AllErrors);
        dynamic[] actions = result.Rows("ContainmentAction");
        Assert.Equal(2, actions.Length);
        Assert.All(actions, a => Assert.Equal(("RemoveInboxRule", "Succeeded"), ((string)a.Action, (string)a.Status)));
        Assert.All(actions, a => Assert.Contains("\"displayName\"", (string)a.BeforeImage, StringComparison.Ordinal));
        Assert.False(Sandbox.EvaluateFootholds().Single(f => f.Id == "aitm-forward-rule").IsOpen);
        Assert.False(Sandbox.EvaluateFootholds().Single(f => f.Id == "aitm-hide-rule").IsOpen);
        string[] after = Sandbox.Tenant.FindMailbox(Sandbox.Tenant.FindUser("adelev@contoso.com")!.Id)!.InboxRules.Select(r => r.DisplayName).ToArray();
        Assert.Equal(before.Where(n => n is not "." and not "..").ToArray(), after);
    }
}
