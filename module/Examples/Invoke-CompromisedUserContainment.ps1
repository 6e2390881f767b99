<#
.SYNOPSIS
Contains compromised users: the runbook to deploy to Azure Automation, and the script the drill runs.

.DESCRIPTION
Signs in with the Automation account's managed identity and works through the containment order for each user:
record the state before containment; read the sign-in log for where the attacker went, and take each user's earliest
successful suspicious sign-in as the start of the compromise (unless -CompromisedSince says when); close what the attacker left
behind; revoke every session (disabling the account first with -DisableAccount) and mark the users confirmed
compromised; then reset the password to a random temporary one. What the attacker left behind, closed before the
revocation: the OAuth consents the hunt rates High are removed and their apps disabled (Remove-SuspiciousOAuthGrant);
the inbox rules it rates High are removed (Remove-MailboxPersistence): forwarding outside the tenant, finance mail
hidden or deleted; the authentication methods registered since the compromise (an attacker's authenticator app or
phone passes MFA and self-service password reset after the reset) are deleted (Remove-SuspiciousAuthenticationMethod);
and the devices the attacker registered or signed in from (a device holds a primary refresh token) are disabled
(Disable-SuspiciousDevice). The users' own rules, consents, methods and devices stay; what the hunts rate Medium is
written to the job output for a person to judge. Mailbox forwarding, hidden rules and mailbox permissions are visible only to Exchange Online
PowerShell: with -ExchangeOrganization the runbook connects to it with the same managed identity and closes those too;
without it, a warning says they were not checked. The verification joins when its cmdlet arrives.

It uses only core commands and the module's cmdlets, so it runs the same in Azure Automation (PowerShell 7.4 or
5.1), at a pwsh prompt and in a bare hosted runspace. Every step writes objects, not text: the job output is the
record of what was done, and it ends with one ContainmentSummary (users, results per action and status, errors, and
where the temporary passwords are). Its Errors counts the reset step's errors; ErrorsInAllSteps, added by the
runbook, counts every error the job wrote (a user the revocation cannot find never reaches the reset).

Where the passwords go: job output cannot carry a SecureString (it is serialized as {"Length":20}), so the temporary
passwords can only be retrieved when -KeyVaultUri names a vault to store them in; the output then holds each
secret's URI. Without a vault the runbook still resets the passwords (the attacker's known password stops working),
says in a warning that they cannot be retrieved from the job, and the summary counts them as PasswordsInOutput: the
users then get new passwords from the helpdesk.

GRANTING THE AUTOMATION ACCOUNT'S MANAGED IDENTITY WHAT IT NEEDS
Once, by a Global Administrator or Privileged Role Administrator, with the Microsoft Graph PowerShell SDK. The
identity is a service principal named after the Automation account (system-assigned), or after the user-assigned
identity.

    Connect-MgGraph -Scopes AppRoleAssignment.ReadWrite.All, Application.Read.All, RoleManagement.ReadWrite.Directory
    $identity = Get-MgServicePrincipal -Filter "displayName eq 'aa-incident-response'"
    $graph = Get-MgServicePrincipal -Filter "appId eq '00000003-0000-0000-c000-000000000000'"
    $permissions = 'User.Read.All', 'User.RevokeSessions.All', 'User.EnableDisableAccount.All',
        'User-PasswordProfile.ReadWrite.All', 'IdentityRiskyUser.ReadWrite.All', 'Device.ReadWrite.All',
        'Organization.Read.All', 'Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All',
        'AppRoleAssignment.ReadWrite.All', 'Application.ReadWrite.All', 'AuditLog.Read.All', 'MailboxSettings.ReadWrite',
        'Mail.ReadBasic.All', 'Domain.Read.All', 'UserAuthenticationMethod.ReadWrite.All'
    foreach ($permission in $permissions) {
        $appRole = $graph.AppRoles | Where-Object { $_.Value -eq $permission -and $_.AllowedMemberTypes -contains 'Application' }
        New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $identity.Id -PrincipalId $identity.Id -ResourceId $graph.Id -AppRoleId $appRole.Id
    }
    $role = Get-MgRoleManagementDirectoryRoleDefinition -Filter "displayName eq 'User Administrator'"
    New-MgRoleManagementDirectoryRoleAssignment -PrincipalId $identity.Id -RoleDefinitionId $role.Id -DirectoryScopeId '/'

What each Graph application permission is for: User.Read.All reads the users and the evidence back;
User.RevokeSessions.All revokes; User.EnableDisableAccount.All disables (-DisableAccount);
User-PasswordProfile.ReadWrite.All resets passwords; IdentityRiskyUser.ReadWrite.All confirms users compromised and
Device.ReadWrite.All disables the attacker's devices (an app may disable Windows devices only: the others are reported
with the role a person needs to disable them); Organization.Read.All names the tenant in the connection (optional).
For the sign-in step: AuditLog.Read.All reads the sign-in log, which Graph serves only to tenants with Entra ID P1 or
P2 (without them, give -CompromisedSince). For the methods step: UserAuthenticationMethod.ReadWrite.All lists and
deletes authentication methods. For the OAuth step: Directory.Read.All
reads the consent grants, DelegatedPermissionGrant.ReadWrite.All and AppRoleAssignment.ReadWrite.All remove them,
Application.ReadWrite.All disables the apps, and AuditLog.Read.All reads when each consent was given. For the mailbox step: MailboxSettings.ReadWrite reads and removes inbox rules, Mail.ReadBasic.All reads the
names of the folders rules move mail to, Domain.Read.All tells the tenant's own domains from outside ones. With
-ExchangeOrganization, the identity also needs the Exchange.ManageAsApp permission of Office 365 Exchange Online and
the Exchange Administrator role (Connect-ExchangeOnline -ManagedIdentity).

The directory role: an app resets a password (and disables an account) only while it also holds an Entra role that
may manage that user: User Administrator for ordinary users. To contain administrators too, assign Privileged
Authentication Administrator instead (displayName eq 'Privileged Authentication Administrator'), which may manage
every user; weigh that: whoever can start this runbook can then reset an administrator. The same role covers the
revocation. Confirming compromise and disabling devices need no role for an app. Accounts synchronized from on-premises AD are reset and disabled
on-premises: the runbook reports them and goes on.

With -KeyVaultUri, the identity also needs to set secrets in that vault: the Key Vault Secrets Officer role on the
vault (Azure RBAC), or a set-secret access policy, for example:

    New-AzRoleAssignment -ObjectId $identity.Id -RoleDefinitionName 'Key Vault Secrets Officer' -Scope (Get-AzKeyVault -VaultName kv-contoso-ir).ResourceId

.PARAMETER UserId
The compromised users: object ids or user principal names.

.PARAMETER DisableAccount
Disable each account before revoking its sessions (Microsoft's emergency order). Synchronized accounts must then be
disabled on-premises; the runbook says so and goes on.

.PARAMETER CompromisedSince
When the compromise began (from the alert, or a longer look at the logs). Without it, each user's earliest successful
suspicious sign-in of the last 7 days is taken (a failed one only when no attempt succeeded) (Get-SuspiciousSignIn). Known either way, the users are also confirmed compromised
in Identity Protection, and the methods and devices registered since then weigh as the attacker's.

.PARAMETER KeyVaultUri
The Azure Key Vault (https://<name>.vault.azure.net/) to store each temporary password in, as the secret
temp-password-<user id>. Without it the passwords are reset but cannot be retrieved from the job output.

.PARAMETER ExchangeOrganization
The tenant's initial domain (contoso.onmicrosoft.com). With it, the runbook connects to Exchange Online PowerShell with
the managed identity (the ExchangeOnlineManagement module must be imported into the Automation account) and also
closes hidden inbox rules, mailbox forwarding, send-on-behalf, FullAccess and SendAs that the hunt rates High.

.PARAMETER ManagedIdentityClientId
The client id of a user-assigned managed identity; omit it to use the system-assigned one.

.PARAMETER GraphEndpoint
Another Graph endpoint than the cloud's own (a sandbox tenant for drills).

.EXAMPLE
./Invoke-CompromisedUserContainment.ps1 -UserId adele@contoso.com, alex@contoso.com -DisableAccount -KeyVaultUri https://kv-contoso-ir.vault.azure.net/

.EXAMPLE
Start-AzAutomationRunbook -AutomationAccountName aa-incident-response -ResourceGroupName rg-security -Name Invoke-CompromisedUserContainment -Parameters @{ UserId = 'adele@contoso.com'; CompromisedSince = '2024-06-03T08:00:00Z'; KeyVaultUri = 'https://kv-contoso-ir.vault.azure.net/' }
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string[]] $UserId,

    [switch] $DisableAccount,

    [datetime] $CompromisedSince,

    [string] $KeyVaultUri,

    [string] $ExchangeOrganization,

    [string] $ManagedIdentityClientId,

    [string] $GraphEndpoint
)

$connect = @{ ManagedIdentity = $true }
if ($ManagedIdentityClientId) { $connect.ClientId = $ManagedIdentityClientId }
if ($GraphEndpoint) { $connect.GraphEndpoint = $GraphEndpoint }

# A failed sign-in ends the runbook: nothing below can work without it.
Connect-IdentityContainment @connect -ErrorAction Stop

try {
    # Before containment: the state each user is in, for the incident record. Every step's errors are gathered too,
    # for the summary: a user the revocation cannot find never reaches the reset, whose own summary would miss it.
    $failed = @()
    $users = @($UserId | Get-ContainmentUser -ErrorVariable +failed)
    $users

    # Each user by object id and principal name, as given: the logs and findings name users by object id.
    $userNamed = @{}
    foreach ($user in $users) {
        $userNamed[$user.Id] = $user
        if ($user.UserPrincipalName) { $userNamed[$user.UserPrincipalName] = $user }
    }

    # Where the attacker went: each user's sign-ins of the last 7 days that the analysis rates Medium or High (password
    # spray, MFA fatigue, proxy phishing, token replay, impossible travel...) go to the job output as the record, and
    # the earliest successful one is when that user's compromise began, unless -CompromisedSince says so. The sign-in log needs
    # Entra ID P1: without it the error says so, and the steps below go on with -CompromisedSince or without a start.
    $signInWindow = @{ MinimumRisk = 'Medium' }
    if ($CompromisedSince -and $CompromisedSince.ToUniversalTime() -lt [datetime]::UtcNow.AddDays(-7)) { $signInWindow.Since = $CompromisedSince }
    # Without the licence the cmdlet stops once for the tenant: the runbook says so and goes on without the log.
    $suspiciousSignIns = @()
    $signInLogRead = $true
    try {
        $suspiciousSignIns = @($users | ForEach-Object Id | Get-SuspiciousSignIn @signInWindow -ErrorVariable +failed)
    }
    catch {
        # -ErrorVariable has it for the summary already; the job's error stream gets it once, here.
        $signInLogRead = $false
        $PSCmdlet.WriteError($_)
    }

    $suspiciousSignIns
    $compromisedSinceOf = @{}
    foreach ($user in $users) {
        # The earliest successful one: nothing the attacker registered predates their first way in, and a spray that
        # failed for days would put the user's own new methods under suspicion. Only failures: the earliest of those.
        $earliest = $null
        foreach ($signIn in $suspiciousSignIns) {
            if ($signIn.UserId -ne $user.Id) { continue }
            $better = $null -eq $earliest -or $(if (($signIn.ErrorCode -eq 0) -ne ($earliest.ErrorCode -eq 0)) { $signIn.ErrorCode -eq 0 } else { $signIn.CreatedDateTime -lt $earliest.CreatedDateTime })
            if ($better) { $earliest = $signIn }
        }

        if ($CompromisedSince) { $compromisedSinceOf[$user.Id] = $CompromisedSince.ToUniversalTime() }
        elseif ($earliest) { $compromisedSinceOf[$user.Id] = $earliest.CreatedDateTime.UtcDateTime }
    }

    # Object ids of the users with a start; the others as they were given (a user Get-ContainmentUser could not read
    # goes on to the revocation, which reports it).
    $confirmed = @($users | Where-Object { $compromisedSinceOf.ContainsKey($_.Id) } | ForEach-Object Id)
    $withoutStart = @($UserId | Where-Object { -not ($userNamed[$_] -and $compromisedSinceOf.ContainsKey($userNamed[$_].Id)) })
    $unexplained = @($withoutStart | Where-Object { $userNamed[$_] })
    if ($unexplained) {
        $PSCmdlet.WriteWarning("No compromise start for $($unexplained.Count) user(s) ($(@($unexplained)[0..4] -join ', ')$(if ($unexplained.Count -gt 5) { ', ...' })): $(if ($signInLogRead) { 'their sign-in log shows nothing suspicious in the last 7 days' } else { 'the sign-in log could not be read (see the error)' }) and -CompromisedSince was not given. Their authentication methods and devices were not hunted and they are not confirmed compromised; run the runbook again for them with -CompromisedSince.")
    }

    # Close the consent an attacker's app holds: a grant with offline_access outlives the password and the sessions.
    # Only what the hunt rates High goes (the users' own, benign consents stay), each removal keeps its before-image
    # in the job output for Restore-OAuthGrant, and the apps are disabled so no consent brings them back. Before the
    # revocation below, so that it also ends the sessions those apps' tokens came from (which answers the removal's
    # warning about tokens already issued).
    $firstStart = $null
    foreach ($start in $compromisedSinceOf.Values) { if ($null -eq $firstStart -or $start -lt $firstStart) { $firstStart = $start } }
    $hunt = @{ MinimumRisk = 'High' }
    if ($firstStart) { $hunt.Since = $firstStart }
    $UserId | Get-SuspiciousOAuthGrant @hunt -ErrorVariable +failed |
        Remove-SuspiciousOAuthGrant -DisableServicePrincipal -Confirm:$false -ErrorVariable +failed -WarningAction Ignore

    # Stop mail flowing out: the inbox rules the hunt rates High (forwarding outside the tenant, finance mail hidden or
    # deleted) are removed through Graph, each with its before-image; the users' own rules stay. What it rates Medium
    # is written to the job output for a person to judge, and left as it is.
    $mailboxFindings = @($UserId | Get-MailboxPersistence -MinimumRisk Medium -ErrorVariable +failed)
    $mailboxFindings | Where-Object RiskLevel -NE 'High'
    $mailboxFindings | Where-Object RiskLevel -EQ 'High' | Remove-MailboxPersistence -Confirm:$false -ErrorVariable +failed

    # What only Exchange Online PowerShell shows: hidden rules (those its plain listing lacks), mailbox forwarding and
    # delegated access, judged and closed the same way. Read after the Graph step, so a rule it removed is not met twice.
    if ($ExchangeOrganization) {
        $exchange = @{ ManagedIdentity = $true; Organization = $ExchangeOrganization; ShowBanner = $false }
        if ($ManagedIdentityClientId) { $exchange.ManagedIdentityAccountId = $ManagedIdentityClientId }
        Connect-ExchangeOnline @exchange -ErrorAction Stop
        try {
            foreach ($user in $UserId) {
                $visible = @(Get-InboxRule -Mailbox $user -ErrorVariable +failed)
                $exchangeFindings = @(
                    $user | ForEach-Object -ErrorVariable +failed {
                        Get-InboxRule -Mailbox $_ -IncludeHidden
                        Get-EXOMailbox -Identity $_ -Properties ForwardingSmtpAddress, ForwardingAddress, DeliverToMailboxAndForward, GrantSendOnBehalfTo
                        Get-MailboxPermission -Identity $_
                        Get-RecipientPermission -Identity $_
                    } | Get-MailboxPersistence -VisibleInboxRule $visible -MinimumRisk Medium -ErrorVariable +failed
                )
                $exchangeFindings | Where-Object RiskLevel -NE 'High'
                $exchangeFindings | Where-Object RiskLevel -EQ 'High' | Remove-MailboxPersistence -Confirm:$false -ErrorVariable +failed
            }
        }
        finally {
            Disconnect-ExchangeOnline -Confirm:$false
        }
    }
    else {
        $PSCmdlet.WriteWarning('No -ExchangeOrganization: hidden inbox rules, mailbox forwarding (ForwardingSmtpAddress, ForwardingAddress) and mailbox permissions were not checked; Graph does not show them. Run the runbook with -ExchangeOrganization <tenant>.onmicrosoft.com, or pipe Get-InboxRule -IncludeHidden, Get-Mailbox and Get-MailboxPermission output to Get-MailboxPersistence.')
    }

    # The attacker's own ways back in, per user from that user's compromise start: an authenticator app or phone they
    # registered passes MFA and self-service password reset after the reset, and a device they registered holds a
    # primary refresh token. What the hunts rate High is removed or disabled (each with its before-image), Medium is
    # written out for a person; the user's own methods and devices stay. Before the revocation, so that it also ends
    # the sessions they gave. Only for users whose compromise has a start: the hunts hinge on it. Users who share a start
    # (all of them, with -CompromisedSince) are hunted together: Graph reads methods and the audit log at 5 requests per
    # 10 seconds for the whole tenant, and one call reads the security info log once for them all.
    $usersFrom = [ordered]@{}
    foreach ($user in $confirmed) {
        $start = $compromisedSinceOf[$user]
        if (-not $usersFrom.Contains($start)) { $usersFrom[$start] = [System.Collections.Generic.List[string]]::new() }
        $usersFrom[$start].Add($user)
    }

    foreach ($start in $usersFrom.Keys) {
        $identity = @{ MinimumRisk = 'Medium'; SuspiciousSignIn = $suspiciousSignIns; Since = $start }
        $group = $usersFrom[$start]
        $methodFindings = @($group | Get-SuspiciousAuthenticationMethod @identity -ErrorVariable +failed)
        $methodFindings | Where-Object RiskLevel -NE 'High'
        $methodFindings | Where-Object RiskLevel -EQ 'High' | Remove-SuspiciousAuthenticationMethod -Confirm:$false -ErrorVariable +failed
        $deviceFindings = @($group | Get-SuspiciousDevice @identity -ErrorVariable +failed)
        $deviceFindings | Where-Object RiskLevel -NE 'High'
        $deviceFindings | Where-Object RiskLevel -EQ 'High' | Disable-SuspiciousDevice -Confirm:$false -ErrorVariable +failed
    }

    # Cut the sessions: a new password does not end a session that is already open. A user whose compromise has a
    # start (given, or read from the log) is also confirmed compromised in Identity Protection.
    $revoke = @{ DisableAccount = $DisableAccount; Confirm = $false }

    # Then change the lock, each user once. -PassThru keeps the revocation evidence in the output, before each reset;
    # -Summary ends the output with the counts.
    $reset = @{ PassThru = $true; Summary = $true; Confirm = $false }
    if ($KeyVaultUri) {
        $reset.KeyVaultUri = $KeyVaultUri
    }
    else {
        # Only core commands run everywhere this runbook does, so the warning goes through the runbook's own cmdlet.
        $PSCmdlet.WriteWarning('No -KeyVaultUri: the temporary passwords are reset, but they cannot be retrieved from this job. Job output cannot carry a SecureString (it shows as {"Length":20}). Give the users new passwords through the helpdesk, or run the runbook again with -KeyVaultUri https://<vault>.vault.azure.net/ to keep them as Key Vault secrets.')
    }

    # Dot-sourced, so both revocations add their errors to the runbook's own $failed.
    . {
        if ($confirmed) { $confirmed | Revoke-CompromisedSession @revoke -ConfirmCompromised -ErrorVariable +failed }
        if ($withoutStart) { $withoutStart | Revoke-CompromisedSession @revoke -ErrorVariable +failed }
    } | Reset-CompromisedPassword @reset -ErrorVariable +failed |
        ForEach-Object {
            if ($_.PSObject.TypeNames[0] -eq 'IdentityContainment.ContainmentSummary') {
                $_.PSObject.Properties.Add([psnoteproperty]::new('ErrorsInAllSteps', @($failed).Count))
            }

            $_
        }
}
finally {
    Disconnect-IdentityContainment
}
