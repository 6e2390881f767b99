using IdentityContainment.Benchmarks.Measurement;

namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>
/// The scripts pwsh runs with -Command. They use only core commands, the language and .NET calls: Write-Output,
/// Get-Date or ConvertTo-Json would autoload Microsoft.PowerShell.Utility and put its import into the numbers.
/// Everything comes from the environment, so the command line holds no token and needs no quoting.
/// </summary>
internal static class PwshScripts
{
    /// <summary>Import, connect, read one user, report.</summary>
    public static string ModuleRun { get; } = StartMark + ModuleSteps + Report;

    /// <summary>The same script without the module lines: what pwsh costs on its own, measured the same way.</summary>
    public static string Baseline { get; } = StartMark + Report;

    private const string StartMark = $$"""
        $clock = [System.Diagnostics.Stopwatch]
        $marks = [ordered]@{ launched = [long]$env:{{Measurement.ChildProcess.LaunchTimestampVariable}}; start = $clock::GetTimestamp() }
        $ErrorActionPreference = 'Stop'

        """;

    private const string ModuleSteps = $$"""
        Import-Module -Name $env:{{ColdStartInputs.ManifestVariable}}
        $marks.import = $clock::GetTimestamp()
        $null = Connect-IdentityContainment -AccessToken $env:{{ColdStartInputs.AccessTokenVariable}} -GraphEndpoint $env:{{ColdStartInputs.GraphEndpointVariable}}
        $marks.connect = $clock::GetTimestamp()
        $users = @(Get-ContainmentUser -UserId $env:{{ColdStartInputs.UserIdVariable}})
        $marks.firstCall = $clock::GetTimestamp()
        if ($users.Count -ne 1) { throw "Get-ContainmentUser returned $($users.Count) objects instead of one." }

        """;

    // String conversion in PowerShell is culture-invariant (unlike -f), so the numbers are valid JSON anywhere.
    private const string Report = $$"""
        $names = @($marks.Keys)
        $phases = for ($i = 1; $i -lt $names.Count; $i++) {
            '"' + $names[$i] + '":' + [math]::Round(($marks[$i] - $marks[$i - 1]) * 1000.0 / $clock::Frequency, 2)
        }
        $peak = 0L
        if ([System.IO.File]::Exists('/proc/self/status')) {
            foreach ($line in [System.IO.File]::ReadLines('/proc/self/status')) {
                if ($line.StartsWith('VmHWM:')) { $peak = 1024L * [long]($line -replace '\D', '') }
            }
        }
        if ($peak -eq 0) { $peak = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 }
        [Console]::Out.WriteLine('{{SampleLine.Marker}}{"phases":{' + ($phases -join ',') + '},"peakWorkingSetBytes":' + $peak +
            ',"engine":"PowerShell ' + $PSVersionTable.PSVersion + '","runtime":"' + [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription + '"}')

        """;
}
