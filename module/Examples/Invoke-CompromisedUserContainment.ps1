<#
.SYNOPSIS
Contains compromised users: the runbook to deploy to Azure Automation, and the script the drill runs.

.DESCRIPTION
Signs in with the Automation account's managed identity and works through the containment order for each user:
record the state before containment, revoke every session (disabling the account first with -DisableAccount), mark
the users confirmed compromised and disable the devices registered since the compromise (with -CompromisedSince), then
reset the password to a random temporary one. The persistence hunt and the verification join as their cmdlets arrive.

It uses only core commands and the module's cmdlets, so it runs the same in Azure Automation (PowerShell 7.4 or
5.1), at a pwsh prompt and in a bare hosted runspace. Every step writes objects, not text: the job output is the
record of what was done.

.PARAMETER UserId
The compromised users: object ids or user principal names.

.PARAMETER DisableAccount
Disable each account before revoking its sessions (Microsoft's emergency order). Synchronized accounts must then be
disabled on-premises; the runbook says so and goes on.

.PARAMETER CompromisedSince
When the compromise began (from the sign-in logs or the alert). Given, the users are also confirmed compromised in
Identity Protection and the devices registered to them since then are disabled.

.PARAMETER ManagedIdentityClientId
The client id of a user-assigned managed identity; omit it to use the system-assigned one.

.PARAMETER GraphEndpoint
Another Graph endpoint than the cloud's own (a sandbox tenant for drills).

.EXAMPLE
./Invoke-CompromisedUserContainment.ps1 -UserId adele@contoso.com, alex@contoso.com
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string[]] $UserId,

    [switch] $DisableAccount,

    [datetime] $CompromisedSince,

    [string] $ManagedIdentityClientId,

    [string] $GraphEndpoint
)

$connect = @{ ManagedIdentity = $true }
if ($ManagedIdentityClientId) { $connect.ClientId = $ManagedIdentityClientId }
if ($GraphEndpoint) { $connect.GraphEndpoint = $GraphEndpoint }

# A failed sign-in ends the runbook: nothing below can work without it.
Connect-IdentityContainment @connect -ErrorAction Stop

try {
    # Before containment: the state each user is in, for the incident record.
    $UserId | Get-ContainmentUser

    # Cut the sessions first: a new password does not end a session that is already open. The actions are the
    # evidence, so they are written to the output as well as handed to the reset.
    $revoke = @{ DisableAccount = $DisableAccount; Confirm = $false }
    if ($CompromisedSince) {
        $revoke.ConfirmCompromised = $true
        $revoke.DisableDevice = $true
        $revoke.Since = $CompromisedSince
    }

    $revoked = $UserId | Revoke-CompromisedSession @revoke
    $revoked

    # Then change the lock. Each user is reset once; the temporary passwords stay SecureStrings.
    $revoked | Reset-CompromisedPassword -Confirm:$false
}
finally {
    Disconnect-IdentityContainment
}
