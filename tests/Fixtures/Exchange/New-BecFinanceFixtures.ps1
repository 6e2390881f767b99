#Requires -Version 7.0
<#
.SYNOPSIS
    Writes the bec-finance scenario's Exchange Online objects as an evidence collection would hold them.

.DESCRIPTION
    There is no Exchange Online here, so the objects are built with the property names, value types and type names
    the real cmdlets return, then written by PowerShell's own serializer (Export-Clixml) and Export-Csv, exactly as
    an analyst's collection script would write them. Re-run after changing the scenario:

        dotnet tool restore
        dotnet pwsh ./tests/Fixtures/Exchange/New-BecFinanceFixtures.ps1

    The scenario (Fabrikam, victim Nestor Wilke, the attacker's "IT Support" account) must agree with the sandbox's
    bec-finance scenario (src/IdentityContainment.Sandbox/Scenarios/bec-finance.json): same object ids, names,
    addresses, rules and permissions. Exchange names a cloud trustee by its user principal name in
    Get-MailboxPermission and Get-RecipientPermission, so IT Support appears as it-support@fabrikam.onmicrosoft.com
    there and by its name ("IT Support") where Exchange shows a directory reference (GrantSendOnBehalfTo).

    Sources for the shapes:
    - Type names: Microsoft.Exchange.Management.Common.InboxRule (the type Exchange's own Get/Set/Remove-InboxRule
      tasks return), Microsoft.Exchange.Data.Directory.Management.Mailbox and .CASMailbox,
      Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject (Get-MailboxPermission),
      Microsoft.Exchange.Data.Directory.Permission.RecipientPermission (Get-RecipientPermission),
      Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission (Get-MailboxFolderPermission).
    - Get-InboxRule has Name, not RuleName, and no property that says a rule is hidden: public collection scripts
      (and CIPP issue KelvinTegelaar/CIPP#2720) find hidden rules by comparing the -IncludeHidden listing with the
      plain one. So this script writes both listings: InboxRules.clixml (-IncludeHidden) and
      InboxRules.Visible.clixml (without).
    - Multi-valued properties (MultiValuedProperty`1) come back from Import-Clixml as ArrayLists; directory
      references (ADObjectId) and proxy addresses as deserialized objects whose ToString is the text Exchange shows.
    - Get-Mailbox returns some 250 properties; the mailbox written here carries the identifying ones and every one
      an investigation of forwarding and delegation reads.
#>
[CmdletBinding()]
param(
    [string] $OutputFolder = (Join-Path $PSScriptRoot 'bec-finance')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# A directory reference (ADObjectId): Exchange shows it by the recipient's name.
class ExchangeDirectoryReference {
    [string] $Name
    [guid] $ObjectGuid
    [string] $DistinguishedName
    ExchangeDirectoryReference([string] $name, [guid] $objectGuid) {
        $this.Name = $name
        $this.ObjectGuid = $objectGuid
        $this.DistinguishedName = "CN=$name,OU=fabrikam.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=EURPR05A001,DC=PROD,DC=OUTLOOK,DC=COM"
    }
    [string] ToString() { return $this.Name }
}

# A proxy address (ProxyAddress): shown with its prefix, upper case for the primary address.
class ExchangeProxyAddress {
    [string] $AddressString
    [string] $PrefixString
    [bool] $IsPrimary
    ExchangeProxyAddress([string] $address, [bool] $isPrimary) {
        $this.AddressString = $address
        $this.PrefixString = 'SMTP'
        $this.IsPrimary = $isPrimary
    }
    [string] ToString() { return $(if ($this.IsPrimary) { 'SMTP:' } else { 'smtp:' }) + $this.AddressString }
}

# The class gives the value its shape and ToString; the type names are Exchange's own.
function New-DirectoryReference([string] $Name, [guid] $ObjectGuid) {
    Set-ExchangeTypeNames ([ExchangeDirectoryReference]::new($Name, $ObjectGuid)) @('Microsoft.Exchange.Data.Directory.ADObjectId', 'System.Object')
}

function New-ProxyAddress([string] $Address, [bool] $IsPrimary) {
    Set-ExchangeTypeNames ([ExchangeProxyAddress]::new($Address, $IsPrimary)) @('Microsoft.Exchange.Data.SmtpProxyAddress', 'Microsoft.Exchange.Data.ProxyAddress', 'Microsoft.Exchange.Data.ProxyAddressBase', 'System.Object')
}

function Set-ExchangeTypeNames([object] $Value, [string[]] $TypeNames) {
    $wrapped = [psobject] $Value
    $wrapped.PSTypeNames.Clear()
    foreach ($typeName in $TypeNames) { $wrapped.PSTypeNames.Add($typeName) }
    $wrapped
}

function New-MultiValued([string] $ItemType, [object[]] $Items = @()) {
    $list = [System.Collections.ArrayList]::new()
    foreach ($item in $Items) { [void] $list.Add($item) }
    $wrapped = [psobject] $list
    $wrapped.PSTypeNames.Insert(0, "Microsoft.Exchange.Data.MultiValuedProperty``1[[$ItemType]]")
    # One object, not its items: PowerShell would otherwise unroll the collection into the pipeline.
    Write-Output -NoEnumerate $wrapped
}

# Exchange gives $null for an empty multi-valued property.
function New-OptionalMultiValued([string] $ItemType, [object[]] $Items) {
    if ($Items) { Write-Output -NoEnumerate (New-MultiValued $ItemType $Items) } else { $null }
}

function New-ExchangeObject([string[]] $TypeNames, [System.Collections.Specialized.OrderedDictionary] $Properties) {
    $object = [pscustomobject] $Properties
    $object.PSTypeNames.Clear()
    foreach ($typeName in $TypeNames) { $object.PSTypeNames.Add($typeName) }
    $object
}

$tenant = @{
    NestorId       = '3a9f8e7d-6c5b-4a49-8382-716a5b4c3d2e'
    NestorName     = 'Nestor Wilke'
    NestorUpn      = 'nestorw@fabrikam.com'
    NestorAlias    = 'nestor.wilke@fabrikam.com'
    ItSupportId    = '9e8d7c6b-5a49-4838-a726-15f4e3d2c1b0'
    ItSupportName  = 'IT Support'
    ItSupportUpn   = 'it-support@fabrikam.onmicrosoft.com'
    ContactId      = 'b4a9d2e7-1c35-4f08-8e6a-5d7c9b0f2e61'
    ExternalTarget = 'nw-archive@mailbox-secure.example'
}

$inboxRuleTypes = @('Microsoft.Exchange.Management.Common.InboxRule', 'Microsoft.Exchange.Data.ConfigurableObject', 'System.Object')
$stringList = 'System.String, mscorlib'
$recipientList = 'Microsoft.Exchange.Data.Storage.Management.IRecipientIdHolder, Microsoft.Exchange.Data.Storage'
$owner = $tenant.NestorName

function New-InboxRule {
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [uint64] $RuleIdentity,
        [Parameter(Mandatory)] [int] $Priority,
        [Parameter(Mandatory)] [string] $Description,
        [string[]] $SubjectContainsWords = @(),
        [string[]] $SubjectOrBodyContainsWords = @(),
        [string[]] $FromAddressContainsWords = @(),
        [string[]] $ForwardTo = @(),
        [string] $MoveToFolder,
        [bool] $DeleteMessage = $false,
        [bool] $MarkAsRead = $false,
        [bool] $StopProcessingRules = $false,
        [bool] $SupportedByTask = $true
    )
    $properties = [ordered]@{
        Identity                               = "$owner\$RuleIdentity"
        MailboxOwnerId                         = $owner
        Name                                   = $Name
        Priority                               = $Priority
        Enabled                                = $true
        InError                                = $false
        ErrorType                              = 'None'
        Description                            = $Description
        RuleIdentity                           = $RuleIdentity
        SupportedByTask                        = $SupportedByTask
        Legacy                                 = $false
        BodyContainsWords                      = $null
        ExceptIfBodyContainsWords              = $null
        FlaggedForAction                       = $null
        ExceptIfFlaggedForAction               = $null
        FromAddressContainsWords               = (New-OptionalMultiValued $stringList $FromAddressContainsWords)
        ExceptIfFromAddressContainsWords       = $null
        From                                   = $null
        ExceptIfFrom                           = $null
        HasAttachment                          = $false
        ExceptIfHasAttachment                  = $false
        HasClassification                      = $null
        ExceptIfHasClassification              = $null
        HeaderContainsWords                    = $null
        ExceptIfHeaderContainsWords            = $null
        FromSubscription                       = $null
        ExceptIfFromSubscription               = $null
        MessageTypeMatches                     = $null
        ExceptIfMessageTypeMatches             = $null
        MyNameInCcBox                          = $false
        ExceptIfMyNameInCcBox                  = $false
        MyNameInToBox                          = $false
        ExceptIfMyNameInToBox                  = $false
        MyNameInToOrCcBox                      = $false
        ExceptIfMyNameInToOrCcBox              = $false
        MyNameNotInToBox                       = $false
        ExceptIfMyNameNotInToBox               = $false
        ReceivedAfterDate                      = $null
        ExceptIfReceivedAfterDate              = $null
        ReceivedBeforeDate                     = $null
        ExceptIfReceivedBeforeDate             = $null
        RecipientAddressContainsWords          = $null
        ExceptIfRecipientAddressContainsWords  = $null
        SentOnlyToMe                           = $false
        ExceptIfSentOnlyToMe                   = $false
        SentTo                                 = $null
        ExceptIfSentTo                         = $null
        SubjectContainsWords                   = (New-OptionalMultiValued $stringList $SubjectContainsWords)
        ExceptIfSubjectContainsWords           = $null
        SubjectOrBodyContainsWords             = (New-OptionalMultiValued $stringList $SubjectOrBodyContainsWords)
        ExceptIfSubjectOrBodyContainsWords     = $null
        WithImportance                         = $null
        ExceptIfWithImportance                 = $null
        WithinSizeRangeMaximum                 = $null
        ExceptIfWithinSizeRangeMaximum         = $null
        WithinSizeRangeMinimum                 = $null
        ExceptIfWithinSizeRangeMinimum         = $null
        WithSensitivity                        = $null
        ExceptIfWithSensitivity                = $null
        ApplyCategory                          = $null
        ApplySystemCategory                    = $null
        CopyToFolder                           = $null
        DeleteMessage                          = $DeleteMessage
        DeleteSystemCategory                   = $null
        ForwardAsAttachmentTo                  = $null
        ForwardTo                              = (New-OptionalMultiValued $recipientList $ForwardTo)
        MarkAsRead                             = $MarkAsRead
        MarkImportance                         = $null
        MoveToFolder                           = $(if ($MoveToFolder) { "${owner}:\$MoveToFolder" } else { $null })
        PinMessage                             = $false
        RedirectTo                             = $null
        SendTextMessageNotificationTo          = $null
        SoftDeleteMessage                      = $false
        StopProcessingRules                    = $StopProcessingRules
        IsValid                                = $true
        ObjectState                            = 'Unchanged'
    }
    New-ExchangeObject $inboxRuleTypes $properties
}

$external = $tenant.ExternalTarget
$ruleDots = New-InboxRule -Name '..' -RuleIdentity 5764607523034234881 -Priority 1 `
    -SubjectOrBodyContainsWords 'Rechnung', 'invoice', 'Zahlung', 'payment' -MoveToFolder 'RSS-Abonnements' -MarkAsRead $true -StopProcessingRules $true `
    -Description "If the message:`r`n`tincludes 'Rechnung' or 'invoice' or 'Zahlung' or 'payment' in the subject or body`r`nTake the following actions:`r`n`tMove the message to folder 'RSS-Abonnements'`r`n`t and mark the message as read`r`n`t and stop processing more rules on this message`r`n"
$ruleCleanup = New-InboxRule -Name 'Cleanup' -RuleIdentity 5764607523034234882 -Priority 2 `
    -SubjectContainsWords 'invoice' -DeleteMessage $true -StopProcessingRules $true `
    -Description "If the message:`r`n`tincludes 'invoice' in the subject`r`nTake the following actions:`r`n`tMove the message to folder 'Gelöschte Elemente'`r`n`t and stop processing more rules on this message`r`n"
$ruleProjects = New-InboxRule -Name 'Projekte' -RuleIdentity 5764607523034234883 -Priority 3 `
    -SubjectContainsWords 'Projekt' -MoveToFolder 'Archive Projects' `
    -Description "If the message:`r`n`tincludes 'Projekt' in the subject`r`nTake the following actions:`r`n`tMove the message to folder 'Archive Projects'`r`n"
$ruleNewsletter = New-InboxRule -Name 'Newsletter' -RuleIdentity 5764607523034234884 -Priority 4 `
    -FromAddressContainsWords 'newsletter@' -MoveToFolder 'Newsletter' `
    -Description "If the message:`r`n`tincludes 'newsletter@' in the sender's address`r`nTake the following actions:`r`n`tMove the message to folder 'Newsletter'`r`n"
$ruleCopy = New-InboxRule -Name 'Kopie an mich' -RuleIdentity 5764607523034234885 -Priority 5 `
    -SubjectContainsWords 'Reisekosten' -ForwardTo "`"$($tenant.NestorName)`" [SMTP:$($tenant.NestorAlias)]" `
    -Description "If the message:`r`n`tincludes 'Reisekosten' in the subject`r`nTake the following actions:`r`n`tForward the message to '$($tenant.NestorName)'`r`n"
# Hidden: listed only with -IncludeHidden. The attacker's rule forwards everything, so it has no condition.
$ruleSync = New-InboxRule -Name 'Sync' -RuleIdentity 5764607523034234886 -Priority 6 `
    -ForwardTo "`"$external`" [SMTP:$external]" -SupportedByTask $false `
    -Description "Take the following actions:`r`n`tForward the message to '$external'`r`n"
$ruleJunk = New-InboxRule -Name 'Junk E-Mail Rule' -RuleIdentity 5764607523034234887 -Priority 7 -SupportedByTask $false `
    -Description "Take the following actions:`r`n`tMove the message to folder 'Junk-E-Mail'`r`n"

$visibleRules = @($ruleDots, $ruleCleanup, $ruleProjects, $ruleNewsletter, $ruleCopy)
$allRules = $visibleRules + @($ruleSync, $ruleJunk)

$mailbox = New-ExchangeObject @('Microsoft.Exchange.Data.Directory.Management.Mailbox', 'Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson', 'Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient', 'Microsoft.Exchange.Data.Directory.ADPresentationObject', 'Microsoft.Exchange.Data.Directory.ADObject', 'Microsoft.Exchange.Data.Directory.ADRawEntry', 'Microsoft.Exchange.Data.ConfigurableObject', 'System.Object') ([ordered]@{
    Identity                   = $tenant.NestorName
    Name                       = $tenant.NestorName
    DisplayName                = $tenant.NestorName
    Alias                      = 'nestorw'
    UserPrincipalName          = $tenant.NestorUpn
    PrimarySmtpAddress         = $tenant.NestorUpn
    EmailAddresses             = New-MultiValued 'Microsoft.Exchange.Data.ProxyAddress, Microsoft.Exchange.Data' @(
        (New-ProxyAddress $tenant.NestorUpn $true),
        (New-ProxyAddress $tenant.NestorAlias $false),
        (New-ProxyAddress 'nestorw@fabrikam.onmicrosoft.com' $false))
    ExternalDirectoryObjectId  = $tenant.NestorId
    Guid                       = [guid] 'a61c3f0e-52d4-4b7a-9e18-c03d7f5b2a94'
    ExchangeGuid               = [guid] 'f2d8e4b1-9a37-4c6e-8b05-7e1a3c9d6f28'
    RecipientType              = 'UserMailbox'
    RecipientTypeDetails       = 'UserMailbox'
    ForwardingAddress          = (New-DirectoryReference 'Finance Archive' $tenant.ContactId)
    ForwardingSmtpAddress      = (New-ProxyAddress $external $false)
    DeliverToMailboxAndForward = $true
    GrantSendOnBehalfTo        = New-MultiValued 'Microsoft.Exchange.Data.Directory.ADObjectId, Microsoft.Exchange.Data.Directory' @(
        (New-DirectoryReference $tenant.ItSupportName $tenant.ItSupportId))
    HiddenFromAddressListsEnabled = $false
    IsMailboxEnabled           = $true
    AuditEnabled               = $true
    LitigationHoldEnabled      = $false
    Languages                  = New-MultiValued 'System.Globalization.CultureInfo, mscorlib' @('de-DE')
    WhenCreated                = [datetime]::new(2021, 3, 4, 9, 12, 0, [DateTimeKind]::Utc)
    WhenChanged                = [datetime]::new(2026, 11, 30, 22, 41, 7, [DateTimeKind]::Utc)
    ExchangeVersion            = '0.20 (15.0.0.0)'
    DistinguishedName          = "CN=$($tenant.NestorName),OU=fabrikam.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=EURPR05A001,DC=PROD,DC=OUTLOOK,DC=COM"
    IsValid                    = $true
    ObjectState                = 'Unchanged'
})

$aceTypes = @('Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject', 'Microsoft.Exchange.Management.RecipientTasks.AcePresentationObject', 'Microsoft.Exchange.Data.ConfigurableObject', 'System.Object')
function New-MailboxAce([string] $User, [string[]] $Rights, [bool] $IsInherited, [bool] $Deny, [string] $Sid) {
    New-ExchangeObject $aceTypes ([ordered]@{
        AccessRights    = New-MultiValued 'Microsoft.Exchange.Management.RecipientTasks.MailboxRights, Microsoft.Exchange.Management' $Rights
        Deny            = $Deny
        InheritanceType = 'All'
        User            = $User
        UserSid         = $Sid
        Identity        = $tenant.NestorName
        IsInherited     = $IsInherited
        IsValid         = $true
        ObjectState     = 'Unchanged'
    })
}
$mailboxPermissions = @(
    New-MailboxAce 'NT AUTHORITY\SELF' @('FullAccess', 'ReadPermission') $false $false 'S-1-5-10'
    New-MailboxAce $tenant.ItSupportUpn @('FullAccess') $false $false 'S-1-5-21-3715942815-2107402187-3294617015-31457210'
    New-MailboxAce 'FABRIKAM\Organization Management' @('FullAccess') $true $false 'S-1-5-21-3715942815-2107402187-3294617015-1117'
    New-MailboxAce 'FABRIKAM\Temp Contractors' @('FullAccess') $false $true 'S-1-5-21-3715942815-2107402187-3294617015-2231'
)

$recipientPermissionTypes = @('Microsoft.Exchange.Data.Directory.Permission.RecipientPermission', 'Microsoft.Exchange.Data.ConfigurableObject', 'System.Object')
function New-RecipientPermission([string] $Trustee, [string] $Sid) {
    New-ExchangeObject $recipientPermissionTypes ([ordered]@{
        Identity          = $tenant.NestorName
        Trustee           = $Trustee
        TrusteeSidString  = $Sid
        AccessControlType = 'Allow'
        AccessRights      = New-MultiValued 'Microsoft.Exchange.Data.Directory.Permission.RecipientAccessRight, Microsoft.Exchange.Data.Directory' @('SendAs')
        IsInherited       = $false
        InheritanceType   = 'None'
        IsValid           = $true
        ObjectState       = 'Unchanged'
    })
}
$recipientPermissions = @(
    New-RecipientPermission 'NT AUTHORITY\SELF' 'S-1-5-10'
    New-RecipientPermission $tenant.ItSupportUpn 'S-1-5-21-3715942815-2107402187-3294617015-31457210'
)

$folderPermissionTypes = @('Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission', 'Microsoft.Exchange.Data.ConfigurableObject', 'System.Object')
function New-FolderPermission([string] $FolderPath, [string] $FolderName, [string] $User, [string[]] $Rights) {
    New-ExchangeObject $folderPermissionTypes ([ordered]@{
        FolderName             = $FolderName
        User                   = $User
        AccessRights           = New-MultiValued 'Microsoft.Exchange.Management.StoreTasks.MailboxFolderAccessRight, Microsoft.Exchange.Management' $Rights
        SharingPermissionFlags = $null
        Identity               = "$($tenant.NestorName):\$FolderPath"
        IsValid                = $true
        ObjectState            = 'Unchanged'
    })
}
$folderPermissions = @(
    New-FolderPermission 'Posteingang' 'Posteingang' 'Default' @('Reviewer')
    New-FolderPermission 'Posteingang' 'Posteingang' 'Anonymous' @('None')
    New-FolderPermission '' 'Top of Information Store' 'Default' @('None')
)

$casMailbox = New-ExchangeObject @('Microsoft.Exchange.Data.Directory.Management.CASMailbox', 'Microsoft.Exchange.Data.Directory.Management.ADPresentationObject', 'Microsoft.Exchange.Data.ConfigurableObject', 'System.Object') ([ordered]@{
    Identity                         = $tenant.NestorName
    Name                             = $tenant.NestorName
    DisplayName                      = $tenant.NestorName
    PrimarySmtpAddress               = $tenant.NestorUpn
    EmailAddresses                   = New-MultiValued 'Microsoft.Exchange.Data.ProxyAddress, Microsoft.Exchange.Data' @(
        (New-ProxyAddress $tenant.NestorUpn $true),
        (New-ProxyAddress $tenant.NestorAlias $false))
    Guid                             = [guid] 'a61c3f0e-52d4-4b7a-9e18-c03d7f5b2a94'
    ActiveSyncEnabled                = $true
    ActiveSyncMailboxPolicy          = 'Default'
    OWAEnabled                       = $true
    OwaMailboxPolicy                 = 'OwaMailboxPolicy-Default'
    ECPEnabled                       = $true
    PopEnabled                       = $true
    ImapEnabled                      = $true
    MAPIEnabled                      = $true
    EwsEnabled                       = $true
    UniversalOutlookEnabled          = $true
    OutlookMobileEnabled             = $true
    SmtpClientAuthenticationDisabled = $null
    ServerLegacyDN                   = '/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=AM6PR05MB1234'
    ExchangeVersion                  = '0.20 (15.0.0.0)'
    IsValid                          = $true
    ObjectState                      = 'Unchanged'
})

$null = New-Item -ItemType Directory -Force -Path $OutputFolder
function Out-Fixture([object[]] $Objects, [string] $FileName) {
    $path = Join-Path $OutputFolder $FileName
    $Objects | Export-Clixml -LiteralPath $path -Encoding utf8
    Write-Verbose "Wrote $path"
}

# Get-InboxRule -Mailbox nestorw -IncludeHidden | Export-Clixml, and the plain listing to tell hidden rules apart.
Out-Fixture $allRules 'InboxRules.clixml'
Out-Fixture $visibleRules 'InboxRules.Visible.clixml'
Out-Fixture @($mailbox) 'Mailbox.clixml'
Out-Fixture $mailboxPermissions 'MailboxPermission.clixml'
Out-Fixture $recipientPermissions 'RecipientPermission.clixml'
Out-Fixture $folderPermissions 'MailboxFolderPermission.clixml'
Out-Fixture @($casMailbox) 'CASMailbox.clixml'

# An analyst's collection: the columns a BEC review reads, multi-valued ones joined (';' for the rules, ', ' for the
# mailbox: both habits are common), then Export-Csv -NoTypeInformation.
$joinedRuleColumns = @(
    'MailboxOwnerId', 'Identity', 'Name', 'Enabled', 'Priority', 'Description',
    @{ Name = 'SubjectContainsWords'; Expression = { $_.SubjectContainsWords -join ';' } },
    @{ Name = 'SubjectOrBodyContainsWords'; Expression = { $_.SubjectOrBodyContainsWords -join ';' } },
    @{ Name = 'FromAddressContainsWords'; Expression = { $_.FromAddressContainsWords -join ';' } },
    @{ Name = 'ForwardTo'; Expression = { $_.ForwardTo -join ';' } },
    @{ Name = 'ForwardAsAttachmentTo'; Expression = { $_.ForwardAsAttachmentTo -join ';' } },
    @{ Name = 'RedirectTo'; Expression = { $_.RedirectTo -join ';' } },
    'MoveToFolder', 'CopyToFolder', 'DeleteMessage', 'SoftDeleteMessage', 'MarkAsRead', 'StopProcessingRules')
$allRules | Select-Object -Property $joinedRuleColumns | Export-Csv -LiteralPath (Join-Path $OutputFolder 'InboxRules.csv') -NoTypeInformation -Encoding utf8

# The same rules exported whole, without joining, straight from the session: a live object holds a multi-valued
# property as a plain collection, which Export-Csv writes as its type name ("System.Collections.ArrayList"), so the
# forwarding targets are lost. The reader must say so instead of reading "no forwarding".
function ConvertTo-LiveShape([object] $Object) {
    $properties = [ordered]@{}
    foreach ($property in $Object.PSObject.Properties) {
        $value = $property.Value
        if ($value -is [System.Collections.ArrayList]) { $value = [System.Collections.ArrayList]::new($value) }
        $properties[$property.Name] = $value
    }
    [pscustomobject] $properties
}
$allRules | ForEach-Object { ConvertTo-LiveShape $_ } | Export-Csv -LiteralPath (Join-Path $OutputFolder 'InboxRules.Unjoined.csv') -NoTypeInformation -Encoding utf8

$mailbox | Select-Object -Property Identity, UserPrincipalName, PrimarySmtpAddress, ExternalDirectoryObjectId,
    ForwardingSmtpAddress, ForwardingAddress, DeliverToMailboxAndForward,
    @{ Name = 'GrantSendOnBehalfTo'; Expression = { $_.GrantSendOnBehalfTo -join ', ' } } |
    Export-Csv -LiteralPath (Join-Path $OutputFolder 'Mailbox.csv') -NoTypeInformation -Encoding utf8
