# The module as users meet it in a real pwsh: loading, signing in, reading users, the format views and the runbook.
#
# The tests that talk to Graph need a sandbox tenant, handed over in the environment by the xunit runner
# (PesterSuiteTests): IC_GRAPH_ENDPOINT, IC_ACCESS_TOKEN, IC_USER_ID, IC_MI_ENDPOINT, IC_MI_HEADER. Without them they
# are skipped. The module is $env:IC_MODULE_PATH, or the repository's Debug module folder.

BeforeDiscovery {
    $script:hasTenant = [bool]$env:IC_GRAPH_ENDPOINT
}

BeforeAll {
    $modulePath = $env:IC_MODULE_PATH
    if (-not $modulePath) {
        $repository = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
        $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $repository 'IdentityContainment.psd1')).ModuleVersion
        $modulePath = Join-Path $repository "out/Debug/IdentityContainment/$version/IdentityContainment.psd1"
    }

    $module = Import-Module -Name $modulePath -PassThru -Force -ErrorAction Stop

    function Connect-Sandbox {
        Connect-IdentityContainment -AccessToken $env:IC_ACCESS_TOKEN -GraphEndpoint $env:IC_GRAPH_ENDPOINT -ErrorAction Stop
    }
}

AfterAll {
    Disconnect-IdentityContainment
    Remove-Item Env:IDENTITY_ENDPOINT, Env:IDENTITY_HEADER -ErrorAction Ignore
}

Describe 'Loading' {
    It 'is the copy asked for by path, not one installed on the module path' {
        $module.ModuleBase | Should -Be ([System.IO.Path]::GetDirectoryName([System.IO.Path]::GetFullPath($modulePath)))
        @(Get-Module -Name IdentityContainment).Count | Should -Be 1
    }

    It 'exports exactly the cmdlets the manifest names, and no functions or aliases' {
        $manifest = Import-PowerShellDataFile -LiteralPath $module.Path.Replace('.psm1', '.psd1')
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        $module.ExportedFunctions.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
    }

    It 'runs its cmdlets from a private load context' {
        $assembly = (Get-Command Connect-IdentityContainment).ImplementingType.Assembly
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name | Should -Be 'IdentityContainment'
    }

    It 'keeps the identity libraries it used out of the default load context' -Skip:(-not $hasTenant) {
        Connect-Sandbox | Out-Null
        Get-ContainmentUser -UserId $env:IC_USER_ID | Out-Null

        $private = [System.IO.Path]::Combine($module.ModuleBase, 'bin', 'net8.0')
        $leaked = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies |
            Where-Object { -not $_.IsDynamic -and $_.Location.StartsWith($private) }
        $leaked | Should -BeNullOrEmpty
        $moduleContext = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'IdentityContainment'
        $moduleContext.Assemblies.GetName().Name | Should -Contain 'Azure.Core'
    }
}

Describe 'Connecting' -Skip:(-not $hasTenant) {
    AfterEach { Disconnect-IdentityContainment }

    It 'connects with an access token and shows the context, never the token' {
        $context = Connect-Sandbox

        $context.PSObject.TypeNames[0] | Should -Be 'IdentityContainment.ContainmentContext'
        $context.PermissionType | Should -Be 'Application'
        $context.Scopes | Should -Contain 'User.Read.All'
        $shown = $context | Format-List | Out-String
        $shown | Should -Match 'Account\s+:'
        $shown | Should -Match 'TokenExpiresOn\s+:'
        $shown | Should -Not -Match ([regex]::Escape($env:IC_ACCESS_TOKEN))
        (Get-IdentityContainmentContext | ConvertTo-Json) | Should -Not -Match ([regex]::Escape($env:IC_ACCESS_TOKEN))
    }

    It 'signs in with the managed identity of an Automation account' {
        $env:IDENTITY_ENDPOINT = $env:IC_MI_ENDPOINT
        $env:IDENTITY_HEADER = $env:IC_MI_HEADER

        $context = Connect-IdentityContainment -ManagedIdentity -GraphEndpoint $env:IC_GRAPH_ENDPOINT

        $context.AuthenticationMethod | Should -Be 'ManagedIdentity'
        $context.PermissionType | Should -Be 'Application'
    }

    It 'refuses interactive sign-in at once in pwsh -NonInteractive' {
        { Connect-IdentityContainment -TenantId contoso.onmicrosoft.com -ErrorAction Stop } |
            Should -Throw -ErrorId 'InteractiveSignInUnavailable*'
        { Connect-IdentityContainment -UseDeviceCode -ErrorAction Stop } |
            Should -Throw -ErrorId 'InteractiveSignInUnavailable*'
    }

    It 'says to connect first when a cmdlet needs Graph' {
        { Get-ContainmentUser -UserId $env:IC_USER_ID -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected*'
    }
}

Describe 'Reading users' -Skip:(-not $hasTenant) {
    BeforeAll { Connect-Sandbox | Out-Null }

    It 'shows the columns an analyst scans first' {
        $table = Get-ContainmentUser -UserId $env:IC_USER_ID | Format-Table | Out-String

        $table | Should -Match 'UserPrincipalName\s+Enabled\s+Type\s+Synced\s+SessionsValidFrom\s+PasswordChanged\r?\n'
        $table | Should -Match '@\S+\s+True\s+Member\s+False\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+\d{4}-\d\d-\d\d \d\d:\d\dZ'
    }

    It 'gives flat objects that survive JSON, as a runbook job output needs' {
        $user = Get-ContainmentUser -UserId $env:IC_USER_ID
        $copy = $user | ConvertTo-Json | ConvertFrom-Json

        $copy.UserPrincipalName | Should -Be $user.UserPrincipalName
        $copy.AccountEnabled | Should -Be $user.AccountEnabled
        $copy.Id | Should -Be $user.Id
    }

    It 'binds Get-MgUser-like objects from the pipeline' {
        $user = Get-ContainmentUser -UserId $env:IC_USER_ID
        $fromGraph = [pscustomobject]@{ Id = $user.Id; UserPrincipalName = $user.UserPrincipalName; DisplayName = 'x' }

        ($fromGraph | Get-ContainmentUser).Id | Should -Be $user.Id
    }

    It 'binds Get-MgUser objects read without their user principal name, and hashtables' {
        $user = Get-ContainmentUser -UserId $env:IC_USER_ID
        $idOnly = [pscustomobject]@{ Id = $user.Id; UserPrincipalName = $null }

        ($idOnly | Get-ContainmentUser).Id | Should -Be $user.Id
        (@{ UserPrincipalName = $user.UserPrincipalName } | Get-ContainmentUser).Id | Should -Be $user.Id
    }

    It 'ends cleanly when Select-Object -First takes what it needs' {
        $first = $env:IC_USER_ID, 'nobody@sandbox.invalid', $env:IC_USER_ID.ToUpperInvariant() |
            Get-ContainmentUser -ErrorAction SilentlyContinue | Select-Object -First 1

        @($first).Count | Should -Be 1
    }

    It 'reports an unknown user as ObjectNotFound and goes on with the rest' {
        $found = 'nobody@sandbox.invalid', $env:IC_USER_ID | Get-ContainmentUser -ErrorVariable failures -ErrorAction SilentlyContinue

        @($found).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'UserNotFound*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'nobody@sandbox.invalid'
    }
}

Describe 'Hunting OAuth consent' -Skip:(-not $hasTenant) {
    BeforeAll { Connect-Sandbox | Out-Null }

    It 'shows each finding with its risk, app, whom it is for and its scopes named with their API' {
        $table = Get-SuspiciousOAuthGrant -UserId $env:IC_USER_ID -MinimumRisk High | Format-Table | Out-String -Width 250

        $table | Should -Match 'Risk\s+Score\s+App\s+Kind\s+For\s+Scopes'
        $table | Should -Match 'High\s+\d+\s+Mail Sync for Microsoft 365\s+Delegated\s+\S+@\S+\s+.*Microsoft Graph: Mail\.ReadWrite'
    }

    It 'gives flat findings whose reasons survive JSON' {
        $finding = Get-SuspiciousOAuthGrant -UserId $env:IC_USER_ID -MinimumRisk High | Select-Object -First 1
        $copy = $finding | ConvertTo-Json -Depth 3 | ConvertFrom-Json

        $copy.RiskLevel | Should -Be 'High'
        @($copy.ReasonCodes).Count | Should -Be $finding.ReasonCodes.Count
        @($copy.Reasons) | Should -Be @($finding.Reasons)
        $copy.GrantId | Should -Be $finding.GrantId
    }

    It 'removes nothing with -WhatIf' {
        $before = @(Get-SuspiciousOAuthGrant -UserId $env:IC_USER_ID)

        $before | Remove-SuspiciousOAuthGrant -DisableServicePrincipal -WhatIf | Should -BeNullOrEmpty

        @(Get-SuspiciousOAuthGrant -UserId $env:IC_USER_ID).Count | Should -Be $before.Count
        $before.Count | Should -BeGreaterThan 0
    }
}

Describe 'Hunting devices' -Skip:(-not $hasTenant) {
    BeforeAll { Connect-Sandbox | Out-Null }

    It 'shows the attacker device High in a table, and refuses an app her re-imported iPhone with the roles that can' {
        $findings = Get-SuspiciousDevice -UserId $env:IC_USER_ID -Since ([datetime]::UtcNow.AddDays(-3))
        $table = $findings | Format-Table | Out-String -Width 250

        $table | Should -Match 'Risk\s+Score\s+User\s+Device\s+OS\s+Trust\s+Managed\s+Registered \(UTC\)\s+Enabled'
        $table | Should -Match 'High\s+\d+\s+\S+@\S+\s+DESKTOP-R8T2KQ9\s+Windows 10\.0\.19045\.4291\s+Workplace\s+False\s+\d{4}-\d\d-\d\d \d\d:\d\d'

        $copy = $findings | Where-Object DisplayName -EQ "Adele's iPhone" | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $copy.RiskLevel | Should -Be 'Low'
        $row = $copy | Disable-SuspiciousDevice -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue

        $row.Status | Should -Be 'Failed'
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'AppOnlyCannotDisableDevice,*'
        $refused[0].Exception.Message | Should -Match 'Cloud Device Administrator'
    }
}

Describe 'Hunting mailbox persistence' -Skip:(-not $hasTenant) {
    BeforeAll {
        Connect-Sandbox | Out-Null
        $evidence = Join-Path $PSScriptRoot '../Fixtures/Exchange/bec-finance'
    }

    It 'shows each finding with its risk, mailbox, kind, name and where the mail goes' {
        $table = Get-MailboxPersistence -UserId $env:IC_USER_ID | Format-Table | Out-String -Width 250

        $table | Should -Match 'Risk\s+Score\s+Mailbox\s+Kind\s+Name\s+Targets'
        $table | Should -Match 'High\s+\d+\s+\S+\s+InboxRule\s+\.\s+ap\.archive@securemail-relay\.example'
    }

    It 'gives flat findings that survive JSON and are taken back by Remove-MailboxPersistence' {
        $findings = @(Get-MailboxPersistence -UserId $env:IC_USER_ID)
        $copies = $findings | ConvertTo-Json -Depth 3 | ConvertFrom-Json

        @($copies.Reasons).Count | Should -Be @($findings.Reasons).Count
        $copies | Remove-MailboxPersistence -WhatIf -ErrorAction Stop | Should -BeNullOrEmpty
        @(Get-MailboxPersistence -UserId $env:IC_USER_ID).Count | Should -Be $findings.Count
    }

    It 'judges evidence re-imported with Import-Clixml and with Import-Csv alike' {
        # With the owner's mailbox in the collection, so a rule forwarding to the owner's own alias is known for one.
        $fromClixml = @(Import-Clixml (Join-Path $evidence 'InboxRules.clixml')) + @(Import-Clixml (Join-Path $evidence 'Mailbox.clixml')) |
            Get-MailboxPersistence -ErrorAction Stop | Where-Object Kind -EQ 'InboxRule'
        $fromCsv = @(Import-Csv (Join-Path $evidence 'InboxRules.csv')) + @(Import-Csv (Join-Path $evidence 'Mailbox.csv')) |
            Get-MailboxPersistence -ErrorAction Stop | Where-Object Kind -EQ 'InboxRule'

        @($fromClixml.Name | Sort-Object) | Should -Be @('..', 'Cleanup', 'Sync')
        $attackers = { $_.Name -in '..', 'Cleanup', 'Sync' }
        @($fromCsv | Where-Object $attackers | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.RiskLevel) $($_.Targets -join ',')" }) |
            Should -Be @($fromClixml | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.RiskLevel) $($_.Targets -join ',')" })

        # The analyst's CSV of the mailbox kept no EmailAddresses column, so Nestor's alias is unknown there, and this
        # tenant (Contoso) does not own fabrikam.com: his copy-to-self rule reads as mail leaving the organisation.
        ($fromCsv | Where-Object Name -EQ 'Kopie an mich').Reasons | Should -Match 'nestor\.wilke@fabrikam\.com'

    }

    It 'reports an object of no known kind and judges the rest' {
        $objects = @(Import-Clixml (Join-Path $evidence 'Mailbox.clixml')) + [pscustomobject]@{ Colour = 'blue' }

        $findings = $objects | Get-MailboxPersistence -ErrorVariable unknown -ErrorAction SilentlyContinue

        $findings.Kind | Should -Contain 'MailboxForwarding'
        $unknown.Count | Should -Be 1
        $unknown[0].FullyQualifiedErrorId | Should -Match '^UnrecognizedMailboxInput'
        $unknown[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'runs the Exchange cmdlet of the session with the arguments a person would' {
        # A stand-in with the real cmdlet's name and parameters, where Connect-ExchangeOnline would have put Set-Mailbox.
        $global:calls = [System.Collections.Generic.List[object]]::new()
        function global:Set-Mailbox {
            [CmdletBinding(SupportsShouldProcess)]
            param([Parameter(Mandatory)] $Identity, $ForwardingSmtpAddress, $ForwardingAddress, $DeliverToMailboxAndForward, $GrantSendOnBehalfTo)
            $global:calls.Add([hashtable]::new($PSBoundParameters))
        }

        try {
            $actions = Import-Clixml (Join-Path $evidence 'Mailbox.clixml') | Get-MailboxPersistence |
                Where-Object Kind -EQ 'MailboxForwarding' | Remove-MailboxPersistence -Confirm:$false -ErrorAction Stop

            $actions.Action | Should -Be 'ClearMailboxForwarding'
            $actions.Status | Should -Be 'Succeeded'
            $global:calls.Count | Should -Be 1
            $global:calls[0].ContainsKey('ForwardingAddress') | Should -BeTrue
            $global:calls[0].ForwardingAddress | Should -BeNullOrEmpty
            $global:calls[0].DeliverToMailboxAndForward | Should -BeFalse
        }
        finally {
            Remove-Item Function:\Set-Mailbox
            Remove-Variable calls -Scope Global
        }
    }
}

Describe 'Hunting authentication methods' -Skip:(-not $hasTenant) {
    BeforeAll { Connect-Sandbox | Out-Null }

    It 'shows the attacker''s methods with risk, user, kind and a masked detail, and takes them back from JSON without removing anything under -WhatIf' {
        $findings = @(Get-SuspiciousAuthenticationMethod -UserId $env:IC_USER_ID -Since ([datetime]::UtcNow.AddDays(-3)) -MinimumRisk High)
        $table = $findings | Format-Table | Out-String -Width 250

        $table | Should -Match 'Risk\s+Score\s+User\s+Type\s+Detail\s+Created \(UTC\)'
        $table | Should -Match 'High\s+\d+\s+\S+@\S+\s+MicrosoftAuthenticator\s+Galaxy S21'
        $table | Should -Match 'High\s+\d+\s+\S+@\S+\s+Phone\s+\+44 \*+61, alternateMobile'
        $table | Should -Not -Match '7700900461'

        $copies = $findings | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $copies | Remove-SuspiciousAuthenticationMethod -WhatIf -ErrorAction Stop | Should -BeNullOrEmpty
        @(Get-SuspiciousAuthenticationMethod -UserId $env:IC_USER_ID -Since ([datetime]::UtcNow.AddDays(-3)) -MinimumRisk High).Count | Should -Be $findings.Count
    }
}

Describe 'Hunting suspicious sign-ins' -Skip:(-not $hasTenant) {
    BeforeAll { Connect-Sandbox | Out-Null }

    # Nestor signed in once, from the office (one page of the log even at the fixture's page size of two).
    It 'shows each sign-in with its time, user, IP, location, app, status, risk and reasons, and gives findings that JSON evidence gives back' {
        $signIns = @(Get-SuspiciousSignIn -UserId 'nestorw@contoso.com' -IncludeNonSuspicious -ErrorAction Stop)
        $table = $signIns | Format-Table | Out-String -Width 250

        $signIns.Count | Should -Be 1
        $table | Should -Match 'Time \(UTC\)\s+User\s+IP\s+Location\s+App\s+Status\s+Risk\s+Reasons'
        $table | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+nestorw@contoso\.com\s+203\.0\.113\.40\s+Redmond, Washington, US\s+.+\s+Success\s+None'

        $copies = $signIns | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $reader = (Get-Command Get-SuspiciousSignIn).ImplementingType.Assembly.GetType('IdentityContainment.SignIns.SignInFindingInput')
        $read = $reader::Read([psobject[]]@($copies))
        $read.Problems.Count | Should -Be 0
        $read.Findings[0].UserId | Should -Be $signIns[0].UserId
        $read.Findings[0].CreatedDateTime | Should -Be $signIns[0].CreatedDateTime
        $read.Findings[0].IpAddress | Should -Be '203.0.113.40'
    }
}

Describe 'The containment runbook' -Skip:(-not $hasTenant) {
    It 'signs in with the managed identity and records each user before containment' {
        $env:IDENTITY_ENDPOINT = $env:IC_MI_ENDPOINT
        $env:IDENTITY_HEADER = $env:IC_MI_HEADER
        $runbook = Join-Path $module.ModuleBase 'Examples/Invoke-CompromisedUserContainment.ps1'

        $output = & $runbook -UserId $env:IC_USER_ID, 'nobody@sandbox.invalid' -GraphEndpoint $env:IC_GRAPH_ENDPOINT -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue

        $output[0].PSObject.TypeNames[0] | Should -Be 'IdentityContainment.ContainmentContext'
        $output[1].PSObject.TypeNames[0] | Should -Be 'IdentityContainment.ContainmentUser'
        $output.Action | Should -Contain 'RevokeSessions'
        @($output | Where-Object { $_.PSObject.TypeNames[0] -eq 'IdentityContainment.PasswordReset' }).Count | Should -Be 1
        Get-IdentityContainmentContext | Should -BeNullOrEmpty -Because 'the runbook disconnects when it ends'

        # Without a vault, job output loses the password: the runbook says so, and its summary counts it.
        # (-WarningVariable also collects what the runbook silenced: the OAuth step's advice to revoke, which its next
        # step follows.)
        @($warnings) -match 'cannot be retrieved from this job' | Should -Not -BeNullOrEmpty
        $summary = $output[-1]
        $summary.PSObject.TypeNames[0] | Should -Be 'IdentityContainment.ContainmentSummary'
        $summary.PasswordsInOutput | Should -Be 1
        $summary.PasswordsInKeyVault | Should -Be 0

        # The unknown user fails before the reset (read, OAuth hunt, mailbox hunt, then revoke): the reset's own count has
        # no error, the job's has all four.
        $summary.Errors | Should -Be 0
        $summary.ErrorsInAllSteps | Should -Be 4
        ($output | Where-Object { $_.PSObject.TypeNames[0] -eq 'IdentityContainment.PasswordReset' } | ConvertTo-Json -Depth 1 | ConvertFrom-Json).TemporaryPassword.Length | Should -Be 20 -Because 'a SecureString in job output is only its length'
    }
}

Describe 'Containing a user' -Skip:(-not $hasTenant) {
    BeforeAll { Connect-Sandbox | Out-Null }

    It 'shows revocations with their evidence in a table' {
        $table = Revoke-CompromisedSession -UserId $env:IC_USER_ID | Format-Table | Out-String

        $table | Should -Match 'Action\s+Status\s+UserPrincipalName\s+SessionsValidFrom'
        $table | Should -Match 'RevokeSessions\s+Succeeded\s+\S+@\S+\s+\d{4}-\d\d-\d\d \d\d:\d\dZ'
    }

    It 'never shows the temporary password in a table or a list without -AsPlainText' {
        $reset = Reset-CompromisedPassword -UserId $env:IC_USER_ID -SkipRevocation -Confirm:$false
        $password = [System.Net.NetworkCredential]::new('', $reset.TemporaryPassword).Password

        $password.Length | Should -Be 20
        ($reset | Format-Table | Out-String) | Should -Match 'Succeeded\s+\S+@\S+\s+True'
        ($reset | Format-Table | Out-String) | Should -Not -Match ([regex]::Escape($password))
        ($reset | Format-List | Out-String) | Should -Not -Match ([regex]::Escape($password))
        ($reset | Out-String) | Should -Not -Match ([regex]::Escape($password))
    }

    It 'shows the password it was asked for with -AsPlainText, in its default view' {
        $reset = Reset-CompromisedPassword -UserId $env:IC_USER_ID -SkipRevocation -AsPlainText -Confirm:$false
        $password = $reset.TemporaryPasswordPlainText

        $reset.PSObject.TypeNames[0] | Should -Be 'IdentityContainment.PasswordReset#PlainText'
        $reset.PSObject.BaseObject.GetType().FullName | Should -Be 'IdentityContainment.PasswordReset'
        [System.Net.NetworkCredential]::new('', $reset.TemporaryPassword).Password | Should -Be $password
        $shown = $reset | Out-String
        $shown | Should -Match 'Status\s+: Succeeded\r?\n'
        $shown | Should -Match ('TemporaryPassword\s+: ' + [regex]::Escape($password) + '\r?\n')
        $shown | Should -Match 'MustChange\s+: True'
        ($reset | Format-Table -AutoSize | Out-String) | Should -Match ('Succeeded\s+\S+@\S+\s+' + [regex]::Escape($password) + '\s+True') -Because 'Format-Table of these objects shows the password too'
    }

    It 'yields the revocations and the resets from one pipeline, and a summary of both' {
        $results = Revoke-CompromisedSession -UserId $env:IC_USER_ID | Reset-CompromisedPassword -PassThru -Summary -Confirm:$false

        @($results | ForEach-Object { $_.GetType().Name }) | Should -Be @('ContainmentAction', 'PasswordReset', 'ContainmentSummary')
        $results[-1].Actions.ForEach({ $_.ToString() }) | Should -Be @('RevokeSessions Succeeded: 1', 'ResetPassword Succeeded: 1')
        ($results[-1] | Out-String) | Should -Match 'Actions\s+: RevokeSessions Succeeded: 1\r?\n\s+ResetPassword Succeeded: 1'
        ($results[-1] | ConvertTo-Json -Depth 3 | ConvertFrom-Json).Actions.Count | Should -Be 2
    }
}
