# build.ps1 -Task Package: the zip an Azure Automation account imports. Packs the already built module folder.

BeforeAll {
    $repository = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $repository 'IdentityContainment.psd1')).ModuleVersion
    $zip = Join-Path $TestDrive 'IdentityContainment.zip'

    & (Join-Path $repository 'build.ps1') -Task Package -NoBuild -OutputPath $zip 6>$null

    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $archive = [System.IO.Compression.ZipFile]::OpenRead($zip)
    $entries = @($archive.Entries | ForEach-Object FullName)
    $archive.Dispose()
}

Describe 'The Azure Automation package' {
    It 'has the module folder, named after the module, at its root' {
        $entries | Should -Contain 'IdentityContainment/IdentityContainment.psd1'
        $entries | Should -Contain 'IdentityContainment/IdentityContainment.psm1'
        $entries | Where-Object { -not $_.StartsWith('IdentityContainment/') } | Should -BeNullOrEmpty
    }

    It 'carries the loader, both builds, the format views and the help' {
        $entries | Should -Contain 'IdentityContainment/bin/IdentityContainment.Loader.dll'
        $entries | Should -Contain 'IdentityContainment/bin/net8.0/IdentityContainment.dll'
        $entries | Should -Contain 'IdentityContainment/bin/net472/IdentityContainment.dll'
        $entries | Should -Contain 'IdentityContainment/IdentityContainment.Format.ps1xml'
        $entries | Should -Contain 'IdentityContainment/en-US/IdentityContainment.dll-Help.xml'
        $entries | Should -Contain 'IdentityContainment/Examples/Invoke-CompromisedUserContainment.ps1'
    }

    It 'ships no PowerShell reference assembly and no help sources' {
        $entries | Where-Object { $_ -like '*System.Management.Automation.dll' } | Should -BeNullOrEmpty
        $entries | Where-Object { $_ -like 'IdentityContainment/help/*' } | Should -BeNullOrEmpty
    }

    It 'keeps every path under 140 characters and the zip under 100 MB' {
        $entries | Where-Object { $_.Length -ge 140 } | Should -BeNullOrEmpty
        (Get-Item $zip).Length | Should -BeLessThan 100MB
    }

    It 'is the version the manifest names' {
        $unpacked = Join-Path $TestDrive 'unpacked'
        [System.IO.Compression.ZipFile]::ExtractToDirectory($zip, $unpacked)
        (Import-PowerShellDataFile (Join-Path $unpacked 'IdentityContainment/IdentityContainment.psd1')).ModuleVersion | Should -Be $version
    }
}
