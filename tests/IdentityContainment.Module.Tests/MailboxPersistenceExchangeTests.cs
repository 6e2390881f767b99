using System.Collections;
using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// The bec-finance mailbox: its Exchange Online evidence (the fixture files, as Export-Clixml wrote them) judged and
/// removed through stand-ins of the Exchange cmdlets, and its Graph side with German folder names.
/// </summary>
public sealed class MailboxPersistenceExchangeTests : IClassFixture<BecFinanceFixture>
{
    private const string AllEvidence = "'InboxRules', 'Mailbox', 'MailboxPermission', 'RecipientPermission', 'MailboxFolderPermission', 'CASMailbox' | ForEach-Object { Import-Evidence \"$_.clixml\" }";

    private readonly BecFinanceFixture _fixture;

    public MailboxPersistenceExchangeTests(BecFinanceFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    private HostedPowerShell EvidenceShell(bool withExchange)
    {
        HostedPowerShell shell = _fixture.ConnectedShell();
        shell.Run("param($Folder) $global:EvidenceFolder = $Folder", Parameters.Of(("Folder", ExchangeStandIns.EvidenceFolder))).ThrowIfFailed();
        shell.Run(ExchangeStandIns.ImportEvidence).ThrowIfFailed();
        if (withExchange)
        {
            shell.Run(ExchangeStandIns.Define).ThrowIfFailed();
        }

        return shell;
    }

    [Fact]
    public void Every_kind_of_Exchange_evidence_in_one_pipeline_gives_the_attackers_footholds_and_only_them()
    {
        using HostedPowerShell shell = EvidenceShell(withExchange: false);

        ScriptResult result = shell.Run(AllEvidence + " | Get-MailboxPersistence");

        Assert.Empty(result.AllErrors);
        dynamic[] findings = result.Rows("MailboxFinding");
        Assert.All(findings, f => Assert.Equal("ExchangeOnline", (string)f.Source));
        string[] rules = findings.Where(f => (string)f.Kind == "InboxRule").Select(f => (string)f.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "..", "Cleanup", "Sync" }, rules);
        Assert.Equal("High", (string)findings.Single(f => (string)f.Name == "Sync").RiskLevel);
        Assert.Equal("High", (string)findings.Single(f => (string)f.Name == "..").RiskLevel);
        dynamic forwarding = findings.Single(f => (string)f.Kind == "MailboxForwarding");
        Assert.Equal("High", (string)forwarding.RiskLevel);
        Assert.Contains((string[])forwarding.Targets, t => t.Contains("nw-archive@mailbox-secure.example", StringComparison.OrdinalIgnoreCase));
        Assert.Contains((string[])forwarding.Targets, t => t.Contains("Finance Archive", StringComparison.Ordinal));
        Assert.Single(findings, f => (string)f.Kind == "FullAccess" && (string)f.Trustee == "it-support@fabrikam.onmicrosoft.com");
        Assert.Single(findings, f => (string)f.Kind == "SendAs" && (string)f.Trustee == "it-support@fabrikam.onmicrosoft.com");
        Assert.Single(findings, f => (string)f.Kind == "SendOnBehalf");
        Assert.Single(findings, f => (string)f.Kind == "FolderPermission" && (string)f.Trustee == "Default");
        Assert.Equal("Low", (string)findings.Single(f => (string)f.Kind == "LegacyProtocol").RiskLevel);
        Assert.DoesNotContain(findings, f => f.Trustee is string t && t.Contains("SELF", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_rule_missing_from_the_plain_listing_is_judged_hidden_and_Exchanges_own_hidden_rule_is_not_a_finding()
    {
        using HostedPowerShell shell = EvidenceShell(withExchange: false);

        ScriptResult result = shell.Run("Import-Evidence InboxRules.clixml | Get-MailboxPersistence -VisibleInboxRule (Import-Evidence InboxRules.Visible.clixml)");

        Assert.Empty(result.AllErrors);
        dynamic[] hidden = result.Rows("MailboxFinding").Where(f => ((string[])f.ReasonCodes).Contains("InboxRuleHidden")).ToArray();
        Assert.Equal("Sync", (string)Assert.Single(hidden).Name);
        Assert.DoesNotContain(result.Rows("MailboxFinding"), f => (string)f.Name == "Junk E-Mail Rule");
    }

    [Fact]
    public void Removal_runs_the_Exchange_cmdlets_with_the_arguments_a_person_would_and_keeps_before_images()
    {
        using HostedPowerShell shell = EvidenceShell(withExchange: true);

        ScriptResult result = shell.Run(AllEvidence + " | Get-MailboxPersistence -MinimumRisk Medium | Remove-MailboxPersistence -Confirm:$false");

        Assert.Empty(result.AllErrors);
        dynamic[] actions = result.Rows("ContainmentAction");
        Assert.All(actions, a => Assert.Equal("Succeeded", (string)a.Status));
        Assert.All(actions, a => Assert.False(string.IsNullOrEmpty((string)a.BeforeImage)));
        Dictionary<string, Hashtable[]> calls = Calls(shell);
        Assert.Equal(3, calls["Remove-InboxRule"].Length);
        Hashtable forwarding = Assert.Single(calls["Set-Mailbox"], c => c.ContainsKey("ForwardingSmtpAddress"));
        Assert.Null(forwarding["ForwardingSmtpAddress"]);
        Assert.True(forwarding.ContainsKey("ForwardingAddress"));
        Assert.Null(forwarding["ForwardingAddress"]);
        Assert.Equal(false, forwarding["DeliverToMailboxAndForward"]);
        Hashtable fullAccess = Assert.Single(calls["Remove-MailboxPermission"]);
        Assert.Contains("FullAccess", ((IEnumerable)fullAccess["AccessRights"]!).Cast<object>().Select(o => o.ToString()));
        Hashtable sendAs = Assert.Single(calls["Remove-RecipientPermission"]);
        Assert.Contains("SendAs", ((IEnumerable)sendAs["AccessRights"]!).Cast<object>().Select(o => o.ToString()));
        Assert.False(calls.ContainsKey("Set-CASMailbox"));
    }

    [Fact]
    public void Legacy_protocols_change_only_with_IncludeLegacyProtocols()
    {
        using HostedPowerShell shell = EvidenceShell(withExchange: true);

        ScriptResult skipped = shell.Run("Import-Evidence CASMailbox.clixml | Get-MailboxPersistence | Remove-MailboxPersistence -Confirm:$false");
        dynamic skip = Assert.Single(skipped.Rows("ContainmentAction"));
        Assert.Equal(("DisableLegacyProtocols", "Skipped"), ((string)skip.Action, (string)skip.Status));
        Assert.Contains("Set-CASMailbox", (string)skip.Message, StringComparison.Ordinal);
        Assert.Empty(Calls(shell));

        ScriptResult changed = shell.Run("Import-Evidence CASMailbox.clixml | Get-MailboxPersistence | Remove-MailboxPersistence -IncludeLegacyProtocols -Confirm:$false");
        Assert.Equal("Succeeded", (string)Assert.Single(changed.Rows("ContainmentAction")).Status);
        Hashtable cas = Assert.Single(Calls(shell)["Set-CASMailbox"]);
        Assert.Equal(false, cas["ImapEnabled"]);
        Assert.Equal(false, cas["PopEnabled"]);
    }

    [Fact]
    public void Without_the_Exchange_cmdlets_nothing_changes_and_each_error_gives_the_command_to_run()
    {
        using HostedPowerShell shell = EvidenceShell(withExchange: false);

        ScriptResult result = shell.Run("Import-Evidence Mailbox.clixml | Get-MailboxPersistence | Remove-MailboxPersistence -Confirm:$false");

        Assert.Empty(result.Output);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.StartsWith("ExchangeCommandUnavailable", e.FullyQualifiedErrorId, StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Exception.Message.Contains("Set-Mailbox -Identity", StringComparison.Ordinal)
            && e.Exception.Message.Contains("-ForwardingAddress $null", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_runs_no_Exchange_cmdlet()
    {
        using HostedPowerShell shell = EvidenceShell(withExchange: true);

        ScriptResult result = shell.Run(AllEvidence + " | Get-MailboxPersistence | Remove-MailboxPersistence -IncludeLegacyProtocols -WhatIf");

        Assert.Empty(result.AllErrors);
        Assert.Empty(Calls(shell));
    }

    [Fact]
    public void Findings_re_imported_from_evidence_are_removed_and_a_bad_one_is_refused()
    {
        using HostedPowerShell shell = EvidenceShell(withExchange: true);

        ScriptResult result = shell.Run("""
            $saved = [System.Management.Automation.PSSerializer]::Serialize(@(Import-Evidence MailboxPermission.clixml | Get-MailboxPersistence))
            $reimported = [System.Management.Automation.PSSerializer]::DeserializeAsList($saved)
            @($reimported) + [pscustomobject]@{ Kind = 'InboxRule'; Source = 'ExchangeOnline' } | Remove-MailboxPersistence -Confirm:$false
            """);

        Assert.Equal("NotAMailboxFinding", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("RemoveFullAccess", (string)Assert.Single(result.Rows("ContainmentAction")).Action);
        Assert.Single(Calls(shell)["Remove-MailboxPermission"]);
    }

    [Fact]
    public void Removal_leaves_the_callers_variables_alone_and_a_finding_whose_values_were_lost_is_refused_while_the_rest_go_on()
    {
        using HostedPowerShell shell = EvidenceShell(withExchange: true);

        ScriptResult result = shell.Run("""
            $parameters = @{ Confirm = $false }
            $command = 'mine'
            $lost = [pscustomobject]@{ Kind = 'LegacyProtocol'; Source = 'ExchangeOnline'; Mailbox = 'Nestor Wilke'; Identity = 'Nestor Wilke'; Targets = 'System.String[]' }
            @($lost) + @(Import-Evidence Mailbox.clixml | Get-MailboxPersistence) | Remove-MailboxPersistence @parameters
            'PARAMETERS ' + ($parameters.Keys -join ',') + ' COMMAND ' + $command
            """);

        ErrorRecord refused = Assert.Single(result.Errors);
        Assert.StartsWith("NotAMailboxFinding", refused.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("System.String[]", refused.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(result.Rows("ContainmentAction"), a => (string)a.Action == "ClearMailboxForwarding" && (string)a.Status == "Succeeded");
        Assert.Contains("PARAMETERS Confirm COMMAND mine", result.Output.Select(o => o.BaseObject as string));
    }

    [Fact]
    public void A_finding_piped_back_in_reads_its_users_mailbox_again_instead_of_passing_for_a_permission_entry()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("@(Get-MailboxPersistence -UserId nestorw@fabrikam.com)[0] | Get-MailboxPersistence");

        Assert.Empty(result.AllErrors);
        dynamic[] findings = result.Rows("MailboxFinding");
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(("Graph", "InboxRule"), ((string)f.Source, (string)f.Kind)));
    }

    [Fact]
    public void Graph_reads_the_German_mailbox_and_Disable_turns_the_delete_rule_off()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult found = shell.Run("Get-MailboxPersistence -UserId nestorw@fabrikam.com");

        Assert.Empty(found.AllErrors);
        dynamic[] findings = found.Rows("MailboxFinding");
        Assert.Contains((string[])findings.Single(f => (string)f.Name == "..").Targets, t => t.Contains("RSS-Abonnements", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => (string)f.Name is "Projekte" or "Newsletter" or "Kopie an mich");

        ScriptResult disabled = shell.Run("Get-MailboxPersistence -UserId nestorw@fabrikam.com | Where-Object Name -eq 'Cleanup' | Remove-MailboxPersistence -Disable -Confirm:$false");

        Assert.Empty(disabled.AllErrors);
        dynamic action = Assert.Single(disabled.Rows("ContainmentAction"));
        Assert.Equal(("DisableInboxRule", "Succeeded"), ((string)action.Action, (string)action.Status));
        InboxRuleRecord cleanup = Sandbox.Tenant.FindMailbox(Sandbox.Tenant.FindUser("nestorw@fabrikam.com")!.Id)!.InboxRules.Single(r => r.DisplayName == "Cleanup");
        Assert.False(cleanup.IsEnabled);
    }

    private static Dictionary<string, Hashtable[]> Calls(HostedPowerShell shell) =>
        shell.Run("$global:ExchangeCalls").Output
            .Select(o => (Name: (string)o.Properties["Name"].Value, Parameters: (Hashtable)(o.Properties["Parameters"].Value is PSObject wrapped ? wrapped.BaseObject : o.Properties["Parameters"].Value)))
            .GroupBy(c => c.Name)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Parameters).ToArray());
}
