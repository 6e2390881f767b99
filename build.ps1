<#
.SYNOPSIS
Builds, tests, drills or packages IdentityContainment. Each task wraps the dotnet command the README names.

.PARAMETER Task
Build: the importable module folder out/<configuration>/IdentityContainment/<version>/.
Test: every test project, the real-pwsh and Pester tests included (pwsh and Pester restore from the repository's files).
Drill: the aitm-bec containment drill against the sandbox tenant (-Scenario for another).
Package: a zip of the Release module fit for Azure Automation (folder named after the module, paths under 140
characters, under 100 MB) at out/Release/IdentityContainment.zip.

.PARAMETER Configuration
Debug or Release. Package builds and packs Release unless told otherwise; the other tasks default to Debug. Each
configuration has its own module folder, so one never overwrites the other.

.PARAMETER NoBuild
Package the module folder as it is, without building first.

.PARAMETER OutputPath
Where Package writes the zip (default out/<configuration>/IdentityContainment.zip).

.EXAMPLE
./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Drill', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration,

    [string] $Scenario = 'aitm-bec',

    [switch] $NoBuild,

    [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
$repo = $PSScriptRoot
$solution = Join-Path $repo 'ContainmentCmdlets.sln'
$moduleProject = Join-Path $repo 'src/IdentityContainment/IdentityContainment.csproj'
$helpProject = Join-Path $repo 'src/IdentityContainment.HelpBuilder/IdentityContainment.HelpBuilder.csproj'
if (-not $Configuration) { $Configuration = if ($Task -eq 'Package') { 'Release' } else { 'Debug' } }

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

# The module folder of a configuration, as the build itself names it (Directory.Build.props), so the two never differ.
function Get-ModuleFolder {
    $folder = & dotnet msbuild $moduleProject -nologo -getProperty:ModuleOutputPath "-property:Configuration=$Configuration"
    if ($LASTEXITCODE -ne 0 -or -not $folder) { throw "Could not read the module folder of the $Configuration build." }
    [System.IO.Path]::GetFullPath("$folder".Trim())
}

switch ($Task) {
    'Build' { Invoke-Dotnet build $solution -c $Configuration }
    'Test' { Invoke-Dotnet test $solution -c $Configuration }
    'Drill' { Invoke-Dotnet run --project (Join-Path $repo 'src/IdentityContainment.Drill') -c $Configuration -- --scenario $Scenario }
    'Package' {
        if (-not $NoBuild) {
            # The module folder is what ships: both editions of the module, then the help written over its cmdlets.
            Invoke-Dotnet build $moduleProject -c $Configuration
            Invoke-Dotnet build $helpProject -c $Configuration
        }
        $built = Get-ModuleFolder
        if (-not (Test-Path -LiteralPath (Join-Path $built 'IdentityContainment.psd1'))) { throw "The $Configuration module is not built at $built; run without -NoBuild." }
        $zip = if ($OutputPath) { [System.IO.Path]::GetFullPath($OutputPath) } else { Join-Path $repo "out/$Configuration/IdentityContainment.zip" }
        $staging = Join-Path ([System.IO.Path]::GetTempPath()) "IdentityContainment-package-$([guid]::NewGuid().ToString('N'))"

        # Azure Automation wants the module folder itself at the root of the zip, named after the module.
        Remove-Item $staging, $zip -Recurse -Force -ErrorAction Ignore
        $moduleFolder = New-Item -ItemType Directory -Path (Join-Path $staging 'IdentityContainment')
        Copy-Item -Path (Join-Path $built '*') -Destination $moduleFolder -Recurse

        $tooLong = Get-ChildItem $moduleFolder -Recurse -File |
            ForEach-Object { $_.FullName.Substring($staging.Length + 1) } |
            Where-Object { $_.Length -ge 140 }
        if ($tooLong) { throw "Paths of 140 characters or more break Azure Automation imports: $($tooLong -join ', ')" }

        Add-Type -AssemblyName System.IO.Compression.FileSystem
        [System.IO.Compression.ZipFile]::CreateFromDirectory($staging, $zip, [System.IO.Compression.CompressionLevel]::Optimal, $false)
        $megabytes = (Get-Item $zip).Length / 1MB
        if ($megabytes -ge 100) { throw "The package is $([math]::Round($megabytes, 1)) MB; Azure Automation accepts modules under 100 MB." }
        Remove-Item $staging -Recurse -Force
        Write-Host ("Packaged {0} ({1:N1} MB)" -f $zip, $megabytes)
    }
}
