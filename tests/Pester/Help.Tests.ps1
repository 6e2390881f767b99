# Checks, through the real Get-Help, that the built module ships help for every exported cmdlet: the MAML the build
# writes from module/help/*.md must be found by PowerShell and must be complete, not the syntax-only stub PowerShell
# makes up for a cmdlet without help.
#
# The module tested is $env:IC_MODULE_PATH, or the repository's built module folder
# (out/Debug/IdentityContainment/<version>/IdentityContainment.psd1, with the version read from the repository's manifest).

BeforeDiscovery {
    function Get-ModuleUnderTest {
        if ($env:IC_MODULE_PATH) {
            return $env:IC_MODULE_PATH
        }

        $repository = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
        $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $repository 'IdentityContainment.psd1')).ModuleVersion
        return Join-Path $repository "out/Debug/IdentityContainment/$version/IdentityContainment.psd1"
    }

    $modulePath = Get-ModuleUnderTest
    $module = Import-Module -Name $modulePath -PassThru -ErrorAction Stop

    # Common parameters are explained once, by about_CommonParameters, and are not part of a cmdlet's own help.
    $commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters +
        [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

    # A hidden parameter (DontShow, such as the pipeline's InputObject) is not part of the surface help documents, as
    # Get-Command -Syntax and the help build agree.
    function Test-Shown {
        param($Parameter)
        @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and -not $_.DontShow }).Count -gt 0
    }

    $cmdlets = foreach ($name in $module.ExportedCmdlets.Keys | Sort-Object) {
        @{
            Name       = $name
            Parameters = @((Get-Command -Name $name).Parameters.Values |
                Where-Object { $_.Name -notin $commonParameters -and (Test-Shown $_) } |
                ForEach-Object Name | Sort-Object)
        }
    }

    $parameters = foreach ($cmdlet in $cmdlets) {
        foreach ($parameter in $cmdlet.Parameters) {
            @{ Name = $cmdlet.Name; Parameter = $parameter }
        }
    }
}

BeforeAll {
    $modulePath = if ($env:IC_MODULE_PATH) { $env:IC_MODULE_PATH } else {
        $repository = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
        $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $repository 'IdentityContainment.psd1')).ModuleVersion
        Join-Path $repository "out/Debug/IdentityContainment/$version/IdentityContainment.psd1"
    }
    Import-Module -Name $modulePath -ErrorAction Stop

    # Get-Help answers with text objects; this joins a description's paragraphs into one string.
    function Get-HelpText {
        param($Paragraphs)
        (@($Paragraphs) | ForEach-Object { $_.Text }) -join "`n"
    }
}

Describe 'The module under test' {
    It 'has exported cmdlets to check' -ForEach @{ Cmdlets = $cmdlets } {
        $Cmdlets.Count | Should -BeGreaterThan 0
    }
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help -Name $Name -Full -ErrorAction Stop
    }

    It 'has a synopsis written for it, not the syntax PowerShell makes up without help' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -Match "^$([regex]::Escape($Name))(\s|$)"
    }

    It 'has a description' {
        Get-HelpText $help.Description | Should -Not -BeNullOrEmpty
    }

    It 'has at least 3 examples, each with code and an explanation' {
        $examples = @($help.Examples.Example)
        $examples.Count | Should -BeGreaterOrEqual 3
        foreach ($example in $examples) {
            $example.Code | Should -Not -BeNullOrEmpty -Because $example.Title
            Get-HelpText $example.Remarks | Should -Not -BeNullOrEmpty -Because $example.Title
        }
    }

    It 'names its outputs' {
        @($help.ReturnValues.ReturnValue).Count | Should -BeGreaterThan 0
    }
}

Describe 'Help of parameter -<Parameter> of <Name>' -ForEach $parameters {
    It 'has a description' {
        $parameterHelp = Get-Help -Name $Name -Parameter $Parameter -ErrorAction Stop
        Get-HelpText $parameterHelp.Description | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_IdentityContainment' {
    It 'is found by Get-Help and follows the about topic layout' {
        $topic = Get-Help -Name about_IdentityContainment -ErrorAction Stop | Out-String
        $topic | Should -Match 'about_IdentityContainment'
        $topic | Should -Match '(?m)^SHORT DESCRIPTION'
        $topic | Should -Match '(?m)^LONG DESCRIPTION'
        $topic | Should -Match '(?m)^SEE ALSO'
    }
}
