<#
.SYNOPSIS
Contains compromised users: the runbook to deploy to Azure Automation, and the script the drill runs.

.DESCRIPTION
Signs in with the Automation account's managed identity and works through the containment order for each user.
This version connects and records each user's state before containment (enabled, sessions valid from, password
age); the revocation, password reset, persistence hunt and verification steps join it as their cmdlets arrive.

It uses only core commands and the module's cmdlets, so it runs the same in Azure Automation (PowerShell 7.4 or
5.1), at a pwsh prompt and in a bare hosted runspace. Every step writes objects, not text: the job output is the
record of what was done.

.PARAMETER UserId
The compromised users: object ids or user principal names.

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
}
finally {
    Disconnect-IdentityContainment
}
