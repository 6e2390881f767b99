namespace IdentityContainment.Module.Tests.Harness;

/// <summary>
/// Functions with the names and parameters of the real Exchange Online cmdlets, defined in a hosted runspace in place of
/// the ExchangeOnlineManagement module, which cannot run here. Each records its name and bound parameters in
/// $global:ExchangeCalls, so a test asserts exactly what Remove-MailboxPersistence ran; the Exchange evidence they stand
/// for comes from the bec-finance fixture files.
/// </summary>
internal static class ExchangeStandIns
{
    public const string Define = """
        $global:ExchangeCalls = [System.Collections.Generic.List[object]]::new()
        function global:Record([string] $Name, $Bound) {
            $global:ExchangeCalls.Add([pscustomobject]@{ Name = $Name; Parameters = [hashtable]::new([System.Collections.IDictionary] $Bound, [System.StringComparer]::OrdinalIgnoreCase) })
        }
        function global:Remove-InboxRule {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
            param([Parameter(Mandatory)] [object] $Identity, [object] $Mailbox, [switch] $AlwaysDeleteOutlookRulesBlob, [switch] $Force)
            Record $MyInvocation.MyCommand.Name $PSBoundParameters
        }
        function global:Disable-InboxRule {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
            param([Parameter(Mandatory)] [object] $Identity, [object] $Mailbox, [switch] $AlwaysDeleteOutlookRulesBlob, [switch] $Force)
            Record $MyInvocation.MyCommand.Name $PSBoundParameters
        }
        function global:Set-Mailbox {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
            param([Parameter(Mandatory)] [object] $Identity, [object] $ForwardingSmtpAddress, [object] $ForwardingAddress, [object] $DeliverToMailboxAndForward, [object] $GrantSendOnBehalfTo)
            Record $MyInvocation.MyCommand.Name $PSBoundParameters
        }
        function global:Remove-MailboxPermission {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
            param([Parameter(Mandatory)] [object] $Identity, [object] $User, [string[]] $AccessRights, [string] $InheritanceType, [switch] $Deny, [switch] $BypassMasterAccountSid)
            Record $MyInvocation.MyCommand.Name $PSBoundParameters
        }
        function global:Remove-RecipientPermission {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
            param([Parameter(Mandatory)] [object] $Identity, [Parameter(Mandatory)] [object] $Trustee, [Parameter(Mandatory)] [string[]] $AccessRights, [switch] $Deny)
            Record $MyInvocation.MyCommand.Name $PSBoundParameters
        }
        function global:Set-MailboxFolderPermission {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
            param([Parameter(Mandatory)] [object] $Identity, [Parameter(Mandatory)] [object] $User, [Parameter(Mandatory)] [string[]] $AccessRights)
            Record $MyInvocation.MyCommand.Name $PSBoundParameters
        }
        function global:Set-CASMailbox {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
            param([Parameter(Mandatory)] [object] $Identity, [object] $ImapEnabled, [object] $PopEnabled, [object] $ActiveSyncEnabled, [object] $EwsEnabled, [object] $SmtpClientAuthenticationDisabled)
            Record $MyInvocation.MyCommand.Name $PSBoundParameters
        }
        """;

    /// <summary>Reads the bec-finance Exchange fixture files as Import-Clixml would (the hosted engine has only core commands).</summary>
    public const string ImportEvidence = """
        function global:Import-Evidence([string] $Name) {
            [System.Management.Automation.PSSerializer]::DeserializeAsList([System.IO.File]::ReadAllText([System.IO.Path]::Combine($global:EvidenceFolder, $Name)))
        }
        """;

    public static string EvidenceFolder => Path.Combine(ModuleLocation.RepositoryRoot, "tests", "Fixtures", "Exchange", "bec-finance");
}
