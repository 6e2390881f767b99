using IdentityContainment.Module.Tests.Harness;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// Runs every Pester 5 file of the repository in the real pwsh: tests/Pester (the module as users meet it) and
/// module/Verification (the suite the module ships). Each file gets a live sandbox tenant through environment
/// variables: IC_MODULE_PATH, IC_PESTER_MANIFEST, IC_GRAPH_ENDPOINT, IC_ACCESS_TOKEN, IC_USER_ID, IC_MI_ENDPOINT, IC_MI_HEADER.
/// </summary>
public sealed class PesterSuiteTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public PesterSuiteTests(SandboxFixture fixture) => _fixture = fixture;

    public static TheoryData<string> PesterFiles()
    {
        var files = new TheoryData<string>();
        foreach (string folder in new[] { "tests/Pester", "module/Verification" })
        {
            string path = Path.Combine(ModuleLocation.RepositoryRoot, folder);
            if (Directory.Exists(path))
            {
                foreach (string file in Directory.GetFiles(path, "*.Tests.ps1").Order())
                {
                    files.Add(Path.GetRelativePath(ModuleLocation.RepositoryRoot, file));
                }
            }
        }

        return files;
    }

    [PwshTheory]
    [MemberData(nameof(PesterFiles))]
    public void Pester_file_passes_in_real_pwsh(string file)
    {
        // Pester is the repository's pinned package, imported by its path and checked to be the copy that loaded.
        // Pester exits with the number of failed tests; a file that runs no test at all fails too.
        const string runner = """
            param($Path)
            $ErrorActionPreference = 'Stop'
            $pester = Import-Module -Name $env:IC_PESTER_MANIFEST -Force -PassThru
            $expected = [System.IO.Path]::GetDirectoryName($env:IC_PESTER_MANIFEST)
            if ($pester.ModuleBase -ne $expected) { Write-Host "Pester came from $($pester.ModuleBase), not $expected."; exit 98 }
            Write-Host "Pester $($pester.Version) from $($pester.ModuleBase) in pwsh $($PSVersionTable.PSVersion)"
            $configuration = New-PesterConfiguration
            $configuration.Run.Path = $Path
            $configuration.Run.PassThru = $true
            $configuration.Output.Verbosity = 'Detailed'
            $result = Invoke-Pester -Configuration $configuration
            if ($result.TotalCount -eq 0) { Write-Host 'No test ran.'; exit 99 }
            exit $result.FailedCount
            """;
        string script = Path.Combine(Path.GetTempPath(), $"ic-pester-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(script, runner);
        try
        {
            // Generous: a guard against a hung pwsh, not a measure of speed (Package.Tests.ps1 builds the Release module).
            (int exitCode, string output) = Pwsh.Run(
                new[] { "-NoProfile", "-NonInteractive", "-File", script, Path.Combine(ModuleLocation.RepositoryRoot, file) },
                SandboxEnvironment(),
                TimeSpan.FromMinutes(20));

            Assert.True(exitCode == 0, $"{file} failed in pwsh (exit code {exitCode}):\n{output}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    private Dictionary<string, string> SandboxEnvironment() => new()
    {
        ["IC_MODULE_PATH"] = ModuleLocation.ManifestPath,
        ["IC_PESTER_MANIFEST"] = Pwsh.PesterManifest,
        // A build started by a test (Package.Tests.ps1) leaves no MSBuild nodes running after it.
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["IC_GRAPH_ENDPOINT"] = _fixture.Sandbox.GraphEndpoint.AbsoluteUri,
        ["IC_ACCESS_TOKEN"] = _fixture.TokenFor(_fixture.AutomationApp),
        ["IC_USER_ID"] = _fixture.Sandbox.Tenant.Footholds[0].UserId,
        ["IC_MI_ENDPOINT"] = _fixture.Sandbox.ManagedIdentityEndpoint.AbsoluteUri,
        ["IC_MI_HEADER"] = _fixture.Sandbox.ManagedIdentityHeader,
    };
}
