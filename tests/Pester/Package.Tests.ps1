# build.ps1 -Task Package: the zip an Azure Automation account imports. It builds the Release module and packs it,
# into a folder of its own: the Debug module folder other tests and the drill use stays as it was.

BeforeAll {
    $repository = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $repository 'IdentityContainment.psd1')).ModuleVersion
    $zip = Join-Path $TestDrive 'IdentityContainment.zip'
    $releaseFolder = Join-Path $repository "out/Release/IdentityContainment/$version"
    $debugAssembly = Join-Path $repository "out/Debug/IdentityContainment/$version/bin/net8.0/IdentityContainment.dll"

    function Get-FileHashOrNothing([string] $Path) {
        if (Test-Path -LiteralPath $Path) { (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash }
    }

    $debugBefore = Get-FileHashOrNothing $debugAssembly

    & (Join-Path $repository 'build.ps1') -Task Package -OutputPath $zip 6>$null

    $debugAfter = Get-FileHashOrNothing $debugAssembly
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $archive = [System.IO.Compression.ZipFile]::OpenRead($zip)
    $entries = @($archive.Entries | ForEach-Object FullName)
    $archive.Dispose()
    $unpacked = Join-Path $TestDrive 'unpacked'
    [System.IO.Compression.ZipFile]::ExtractToDirectory($zip, $unpacked)
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
        (Import-PowerShellDataFile (Join-Path $unpacked 'IdentityContainment/IdentityContainment.psd1')).ModuleVersion | Should -Be $version
    }

    It 'carries the Release build, as it stands in the Release module folder' {
        $packaged = Join-Path $unpacked 'IdentityContainment/bin/net8.0/IdentityContainment.dll'
        # Read without loading it: the assembly's own record of the configuration it was built in.
        $stream = [System.IO.File]::OpenRead($packaged)
        try {
            $metadata = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader([System.Reflection.PortableExecutable.PEReader]::new($stream))
            $configuration = foreach ($handle in $metadata.GetAssemblyDefinition().GetCustomAttributes()) {
                $attribute = $metadata.GetCustomAttribute($handle)
                # Attributes of the framework are referenced (the compiler's own are defined in the assembly).
                if ($attribute.Constructor.Kind -ne 'MemberReference') { continue }
                $constructor = $metadata.GetMemberReference([System.Reflection.Metadata.MemberReferenceHandle]$attribute.Constructor)
                if ($constructor.Parent.Kind -ne 'TypeReference') { continue }
                $type = $metadata.GetTypeReference([System.Reflection.Metadata.TypeReferenceHandle]$constructor.Parent)
                if ($metadata.GetString($type.Name) -eq 'AssemblyConfigurationAttribute') {
                    # The blob is a prolog (2 bytes), then the string argument, length-prefixed.
                    $blob = $metadata.GetBlobReader($attribute.Value)
                    $null = $blob.ReadUInt16()
                    $blob.ReadSerializedString()
                }
            }
        }
        finally {
            $stream.Dispose()
        }

        $configuration | Should -Be 'Release'
        (Get-FileHash -LiteralPath $packaged).Hash | Should -Be (Get-FileHash -LiteralPath (Join-Path $releaseFolder 'bin/net8.0/IdentityContainment.dll')).Hash
    }

    It 'leaves the Debug module folder as it was' {
        $debugAfter | Should -Be $debugBefore
    }
}
