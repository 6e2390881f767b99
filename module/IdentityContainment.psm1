# Loads IdentityContainment's compiled cmdlets.
#
# PowerShell 7: only IdentityContainment.Loader.dll enters the default load context. It creates the module's
# private AssemblyLoadContext, which loads the module and every library it ships (Azure.Identity,
# Azure.Core, MSAL...) from bin/net8.0, so ExchangeOnlineManagement, Microsoft.Graph or Az can hold other versions of the
# same libraries in this process without a conflict.
# Windows PowerShell 5.1 has no load contexts: the net472 build resolves its libraries from bin/net472.
#
# Only core commands and .NET calls are used here, so the module loads in any host, including a bare runspace.

$binFolder = [System.IO.Path]::Combine($PSScriptRoot, 'bin')

if ($PSVersionTable.PSEdition -eq 'Core') {
    [void][System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($binFolder, 'IdentityContainment.Loader.dll'))
    $moduleAssembly = [IdentityContainment.Loader.ModuleLoadContext]::Initialize([System.IO.Path]::Combine($binFolder, 'net8.0'))
}
else {
    $privateFolder = [System.IO.Path]::Combine($binFolder, 'net472')
    $moduleAssembly = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($privateFolder, 'IdentityContainment.dll'))
    [IdentityContainment.Loading.DesktopAssemblyResolver]::Register($privateFolder)
}

# The module-qualified name guards against a proxy of Import-Module defined by the caller.
Microsoft.PowerShell.Core\Import-Module -Assembly $moduleAssembly
