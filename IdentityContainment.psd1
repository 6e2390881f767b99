@{
    RootModule           = 'IdentityContainment.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = 'efc11dbc-d84d-40a0-9b95-6ba759b836af'
    Author               = 'IdentityContainment developers'
    CompanyName          = 'IdentityContainment'
    Copyright            = '(c) IdentityContainment developers. All rights reserved.'
    Description          = 'Contains a compromised Microsoft 365 / Entra ID identity and proves it is contained: revoke sessions, reset the password, hunt persistence (OAuth grants, mailbox rules and forwarding, authentication methods, devices) and verify with evidence that every access path is closed.'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('IdentityContainment.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-IdentityContainment'
        'Disconnect-IdentityContainment'
        'Get-IdentityContainmentContext'
        'Get-ContainmentUser'
        'Revoke-CompromisedSession'
        'Reset-CompromisedPassword'
        'Get-SuspiciousOAuthGrant'
        'Remove-SuspiciousOAuthGrant'
        'Restore-OAuthGrant'
        'Get-MailboxPersistence'
        'Remove-MailboxPersistence'
        'Get-SuspiciousAuthenticationMethod'
        'Remove-SuspiciousAuthenticationMethod'
        'Get-SuspiciousDevice'
        'Disable-SuspiciousDevice'
        'Get-SuspiciousSignIn'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Security', 'IncidentResponse', 'EntraID', 'Microsoft365', 'PSEdition_Core', 'PSEdition_Desktop')
            ReleaseNotes = @'
0.1.0
- Connect-IdentityContainment: interactive, device code, client secret, certificate (store or PFX),
  managed identity (system- or user-assigned, Azure Automation) and ready access-token sign-in, for the
  Global, USGov, USGovDoD and China clouds or any Graph-compatible endpoint.
- Get-IdentityContainmentContext / Disconnect-IdentityContainment: one connection per runspace.
- Get-ContainmentUser: the containment-relevant state of users (enabled, sessions valid from, password age,
  synced, guest), many users per JSON batch.
- The module loads its identity stack (Microsoft.Graph, Azure.Identity, MSAL) in a private load context, so
  it runs beside ExchangeOnlineManagement, Microsoft.Graph and Az.
'@
        }
    }
}
