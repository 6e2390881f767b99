using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// The shipped runbook with -ExchangeOrganization, in a real pwsh: Exchange Online is stood in for by functions with
/// the real cmdlets' names and parameters that return the bec-finance evidence files and record what they are asked
/// to do, so the test sees the runbook connect with the managed identity, close what only Exchange shows, and
/// disconnect. It removes what is High and lists what is Medium.
/// </summary>
public sealed class RunbookExchangeTests : IClassFixture<BecFinanceFixture>
{
    private readonly BecFinanceFixture _fixture;

    public RunbookExchangeTests(BecFinanceFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [PwshFact]
    public void With_an_Exchange_organization_the_runbook_closes_hidden_rules_and_forwarding_and_lists_delegated_access()
    {
        const string script = """
            $ErrorActionPreference = 'Stop'
            $global:calls = [System.Collections.Generic.List[string]]::new()
            function global:Note([string] $Name, $Bound) {
                $global:calls.Add($Name + ' ' + (($Bound.GetEnumerator() | Sort-Object Key | ForEach-Object { "-$($_.Key):$($_.Value -join ',')" }) -join ' '))
            }
            function global:Evidence([string] $Name) { Import-Clixml (Join-Path $env:IC_EVIDENCE "$Name.clixml") }
            function global:Connect-ExchangeOnline { param([switch] $ManagedIdentity, [string] $Organization, [string] $ManagedIdentityAccountId, [switch] $ShowBanner) Note 'Connect-ExchangeOnline' $PSBoundParameters }
            function global:Disconnect-ExchangeOnline { [CmdletBinding(SupportsShouldProcess)] param() Note 'Disconnect-ExchangeOnline' @{} }
            function global:Get-InboxRule { param([string] $Mailbox, [switch] $IncludeHidden) if ($IncludeHidden) { Evidence InboxRules } else { Evidence InboxRules.Visible } }
            function global:Get-EXOMailbox { param([string] $Identity, [string[]] $Properties) Evidence Mailbox }
            function global:Get-MailboxPermission { param([string] $Identity) Evidence MailboxPermission }
            function global:Get-RecipientPermission { param([string] $Identity) Evidence RecipientPermission }
            function global:Remove-InboxRule { [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')] param([Parameter(Mandatory)] $Identity, $Mailbox, [switch] $AlwaysDeleteOutlookRulesBlob, [switch] $Force) Note 'Remove-InboxRule' $PSBoundParameters }
            function global:Set-Mailbox { [CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory)] $Identity, $ForwardingSmtpAddress, $ForwardingAddress, $DeliverToMailboxAndForward, $GrantSendOnBehalfTo) Note 'Set-Mailbox' $PSBoundParameters }
            function global:Remove-MailboxPermission { [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')] param([Parameter(Mandatory)] $Identity, $User, [string[]] $AccessRights, $InheritanceType, [switch] $Deny) Note 'Remove-MailboxPermission' $PSBoundParameters }
            function global:Remove-RecipientPermission { [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')] param([Parameter(Mandatory)] $Identity, $Trustee, [string[]] $AccessRights) Note 'Remove-RecipientPermission' $PSBoundParameters }

            $runbook = Join-Path (Split-Path $env:IC_MODULE_PATH) 'Examples/Invoke-CompromisedUserContainment.ps1'
            Import-Module $env:IC_MODULE_PATH
            $output = & $runbook -UserId nestorw@fabrikam.com -GraphEndpoint $env:IC_GRAPH_ENDPOINT -ExchangeOrganization fabrikam.onmicrosoft.com -WarningVariable warnings
            'EXCHANGE WARNINGS ' + @(@($warnings) -match 'ExchangeOrganization').Count
            $global:calls | ForEach-Object { 'CALL ' + $_ }
            $output | Where-Object { $_.PSObject.TypeNames[0] -eq 'IdentityContainment.ContainmentAction' } | ForEach-Object { 'ACTION ' + $_.Action + ' ' + $_.Status }
            $output | Where-Object { $_.PSObject.TypeNames[0] -eq 'IdentityContainment.MailboxFinding' } | ForEach-Object { 'FINDING ' + $_.Kind + ' ' + $_.RiskLevel + ' ' + ($_.ReasonCodes -join ',') }
            'ERRORS ' + $output[-1].ErrorsInAllSteps
            """;

        (int exitCode, string output) = Pwsh.Run(
            new[] { "-NoProfile", "-NonInteractive", "-Command", script },
            new Dictionary<string, string>
            {
                ["IDENTITY_ENDPOINT"] = Sandbox.ManagedIdentityEndpoint.AbsoluteUri,
                ["IDENTITY_HEADER"] = Sandbox.ManagedIdentityHeader,
                ["IC_MODULE_PATH"] = ModuleLocation.ManifestPath,
                ["IC_GRAPH_ENDPOINT"] = Sandbox.GraphEndpoint.AbsoluteUri,
                ["IC_EVIDENCE"] = ExchangeStandIns.EvidenceFolder,
            },
            TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        string[] lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains("EXCHANGE WARNINGS 0", lines);
        Assert.Contains("ERRORS 0", lines);
        Assert.Contains(lines, l => l.StartsWith("CALL Connect-ExchangeOnline ", StringComparison.Ordinal) && l.Contains("-ManagedIdentity:True", StringComparison.Ordinal) && l.Contains("-Organization:fabrikam.onmicrosoft.com", StringComparison.Ordinal));
        Assert.Equal("CALL Disconnect-ExchangeOnline ", lines.Last(l => l.StartsWith("CALL ", StringComparison.Ordinal)));
        // The hidden Sync rule (…886) is removed; Exchange's own junk rule (…887) and Nestor's own rules stay.
        Assert.Contains("CALL Remove-InboxRule -AlwaysDeleteOutlookRulesBlob:True -Confirm:False -ErrorAction:Stop -Identity:Nestor Wilke\\5764607523034234886", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("CALL Remove-InboxRule", StringComparison.Ordinal) && (l.EndsWith("887", StringComparison.Ordinal) || l.EndsWith("883", StringComparison.Ordinal) || l.EndsWith("884", StringComparison.Ordinal) || l.EndsWith("885", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("CALL Set-Mailbox ", StringComparison.Ordinal) && l.Contains("-ForwardingAddress: -ForwardingSmtpAddress: ", StringComparison.Ordinal) && l.Contains("-DeliverToMailboxAndForward:False", StringComparison.Ordinal));
        Assert.Contains("ACTION ClearMailboxForwarding Succeeded", lines);

        // What is only Medium (FullAccess and SendAs for an account of the tenant) is left for a person to judge, and
        // shown in the job output for that.
        Assert.Contains(lines, l => l.StartsWith("FINDING FullAccess Medium ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("FINDING SendAs Medium ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("CALL Remove-MailboxPermission", StringComparison.Ordinal));

        // The Graph side ran first: the rules Graph shows are gone from the sandbox, the user's own rules stay.
        string[] rules = Sandbox.Tenant.FindMailbox(Sandbox.Tenant.FindUser("nestorw@fabrikam.com")!.Id)!.InboxRules.Where(r => !r.IsHidden).Select(r => r.DisplayName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "Kopie an mich", "Newsletter", "Projekte" }, rules);
    }
}
