using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// The shipped runbook with -KeyVaultUri, in a real pwsh as Azure Automation runs it: the job output (JSON, as the job
/// stores it) holds the secret URI and no password, and the vault holds the password Graph holds.
/// </summary>
public sealed class RunbookKeyVaultTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public RunbookKeyVaultTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [PwshFact]
    public void With_a_vault_the_job_output_holds_the_secret_uri_and_the_summary_counts_it()
    {
        UserRecord user = Sandbox.Tenant.FindUser(Sandbox.Tenant.Footholds[0].UserId)!;
        const string script = """
            $ErrorActionPreference = 'Stop'
            $runbook = Join-Path (Split-Path $env:IC_MODULE_PATH) 'Examples/Invoke-CompromisedUserContainment.ps1'
            Import-Module $env:IC_MODULE_PATH
            $output = & $runbook -UserId $env:IC_USER_ID -GraphEndpoint $env:IC_GRAPH_ENDPOINT -KeyVaultUri $env:IC_VAULT -WarningVariable warnings
            # -WarningVariable also collects what the runbook silenced (the OAuth step's advice to revoke, which its next
            # step follows); the warnings about the passwords are the ones that matter here.
            'PASSWORD WARNINGS ' + @(@($warnings) -match 'password').Count
            $output | ForEach-Object { 'JOB ' + $_.PSObject.TypeNames[0] + ' ' + ($_ | ConvertTo-Json -Depth 3 -Compress) }
            """;

        (int exitCode, string output) = Pwsh.Run(
            new[] { "-NoProfile", "-NonInteractive", "-Command", script },
            new Dictionary<string, string>
            {
                ["HTTPS_PROXY"] = Sandbox.HttpsProxy!.AbsoluteUri,
                ["IDENTITY_ENDPOINT"] = Sandbox.ManagedIdentityEndpoint.AbsoluteUri,
                ["IDENTITY_HEADER"] = Sandbox.ManagedIdentityHeader,
                ["IC_MODULE_PATH"] = ModuleLocation.ManifestPath,
                ["IC_GRAPH_ENDPOINT"] = Sandbox.GraphEndpoint.AbsoluteUri,
                ["IC_USER_ID"] = user.UserPrincipalName,
                ["IC_VAULT"] = Sandbox.KeyVaultUri!.AbsoluteUri,
            },
            TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        Assert.Contains("PASSWORD WARNINGS 0", output, StringComparison.Ordinal);
        string[] job = output.Split('\n').Where(l => l.StartsWith("JOB ", StringComparison.Ordinal)).ToArray();
        string reset = Assert.Single(job, l => l.StartsWith("JOB IdentityContainment.PasswordReset ", StringComparison.Ordinal));
        Assert.Contains("\"TemporaryPassword\":null", reset, StringComparison.Ordinal);
        Assert.Contains($"\"SecretUri\":\"{Sandbox.KeyVaultUri!.AbsoluteUri.TrimEnd('/')}/secrets/temp-password-{user.Id}/", reset, StringComparison.Ordinal);
        Assert.StartsWith("JOB IdentityContainment.ContainmentSummary ", job[^1], StringComparison.Ordinal);
        Assert.Contains("\"PasswordsInKeyVault\":1,\"PasswordsInOutput\":0", job[^1], StringComparison.Ordinal);

        string stored = Sandbox.Tenant.KeyVaultSecrets.Single(s => s.Name == "temp-password-" + user.Id).RevealSecretForTest();
        Assert.True(Sandbox.Tenant.FindUser(user.Id)!.Password!.Matches(stored), "The vault must hold the password Graph holds.");
        Assert.DoesNotContain(stored, output, StringComparison.Ordinal);
    }
}
