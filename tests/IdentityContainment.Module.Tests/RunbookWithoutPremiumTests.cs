using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// The shipped runbook in a tenant without Entra ID P1, in a real pwsh: Graph serves no sign-in log, so the runbook
/// cannot find the compromise start itself. Given -CompromisedSince, as its help advises, it reports the licence once
/// and still removes the attacker's methods, disables their device and confirms the user compromised.
/// </summary>
public sealed class RunbookWithoutPremiumTests : IClassFixture<UnlicensedSignInFixture>
{
    private readonly UnlicensedSignInFixture _fixture;

    public RunbookWithoutPremiumTests(UnlicensedSignInFixture fixture) => _fixture = fixture;

    [PwshFact]
    public void Without_the_licence_the_runbook_says_so_once_and_hunts_methods_and_devices_from_the_given_start()
    {
        SandboxServer sandbox = _fixture.Sandbox;
        const string script = """
            $runbook = Join-Path (Split-Path $env:IC_MODULE_PATH) 'Examples/Invoke-CompromisedUserContainment.ps1'
            Import-Module $env:IC_MODULE_PATH
            $output = & $runbook -UserId adelev@contoso.com -CompromisedSince ([datetime]::UtcNow.AddDays(-3)) -GraphEndpoint $env:IC_GRAPH_ENDPOINT -ErrorVariable problems -WarningVariable warnings 3>$null 2>$null
            $problems | ForEach-Object { 'ERROR ' + $_.FullyQualifiedErrorId }
            $warnings | Where-Object { $_ -match 'No compromise start' } | ForEach-Object { 'NOSTART ' + $_ }
            $output | Where-Object { $_.PSObject.TypeNames[0] -eq 'IdentityContainment.ContainmentAction' } | ForEach-Object { 'ACTION ' + $_.Action + ' ' + $_.Status }
            'ERRORS ' + $output[-1].ErrorsInAllSteps
            """;

        (int exitCode, string output) = Pwsh.Run(
            new[] { "-NoProfile", "-NonInteractive", "-Command", script },
            new Dictionary<string, string>
            {
                ["IDENTITY_ENDPOINT"] = sandbox.ManagedIdentityEndpoint.AbsoluteUri,
                ["IDENTITY_HEADER"] = sandbox.ManagedIdentityHeader,
                ["IC_MODULE_PATH"] = ModuleLocation.ManifestPath,
                ["IC_GRAPH_ENDPOINT"] = sandbox.GraphEndpoint.AbsoluteUri,
            },
            TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        string[] lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        // The job's error stream has it once, from the runbook, and the summary counts it once.
        Assert.Single(lines, l => l.StartsWith("ERROR SignInLogNeedsPremiumLicence,Invoke-CompromisedUserContainment.ps1", StringComparison.Ordinal));
        Assert.Contains("ERRORS 1", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("NOSTART", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l == "ACTION RemoveAuthenticationMethod Succeeded"));
        Assert.Contains("ACTION DisableDevice Succeeded", lines);
        Assert.Contains("ACTION ConfirmCompromised Succeeded", lines);
        Assert.All(
            sandbox.EvaluateFootholds().Where(f => f.Kind is FootholdKind.AuthenticationMethod or FootholdKind.Device or FootholdKind.Session or FootholdKind.Password),
            f => Assert.False(f.IsOpen, f.Reason));
    }
}
