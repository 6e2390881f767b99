using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>-KeyVaultUri: runbooks keep temporary passwords out of their output, in a vault.</summary>
public sealed class ResetToKeyVaultTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public ResetToKeyVaultTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    /// <summary>
    /// In a real pwsh: the sandbox's vault has its own host name (as *.vault.azure.net does), reached through the
    /// sandbox's loopback proxy, which a process can only be pointed at when it starts (HTTPS_PROXY).
    /// </summary>
    [PwshFact]
    public void The_password_goes_to_key_vault_and_the_output_holds_only_the_secret_uri()
    {
        UserRecord user = Sandbox.Tenant.Users.First(u => u.UserType == "Member" && u.OnPremisesSyncEnabled != true && u.DirectoryRoles.Count == 0 && !Sandbox.Tenant.Footholds.Any(f => f.UserId == u.Id || f.UserId == u.UserPrincipalName));
        const string script = "$ErrorActionPreference = 'Stop'\n" + SandboxFixture.PwshConnectWithSecret + """
            $all = Reset-CompromisedPassword $env:IC_USER_ID -KeyVaultUri $env:IC_VAULT -Confirm:$false -Verbose 4>&1
            $all | ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { "VERBOSE: $_" } elseif ($_.PSObject.TypeNames[0] -eq 'IdentityContainment.PasswordReset') { 'RESULT ' + ([pscustomobject]@{ Status = $_.Status; SecretUri = $_.SecretUri; HasPassword = $null -ne $_.TemporaryPassword } | ConvertTo-Json -Compress) } }
            'TABLE ' + (($all | Where-Object { $_.PSObject.TypeNames[0] -eq 'IdentityContainment.PasswordReset' } | Format-Table | Out-String -Width 300) -replace '\s+', ' ')
            """;

        (int exitCode, string output) = Pwsh.Run(
            new[] { "-NoProfile", "-NonInteractive", "-Command", script },
            _fixture.PwshEnvironment(user.UserPrincipalName),
            TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        string line = output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        using var result = System.Text.Json.JsonDocument.Parse(line["RESULT ".Length..]);
        Assert.Equal("Succeeded", result.RootElement.GetProperty("Status").GetString());
        Assert.False(result.RootElement.GetProperty("HasPassword").GetBoolean());
        string secretUri = result.RootElement.GetProperty("SecretUri").GetString()!;
        Assert.StartsWith(Sandbox.KeyVaultUri!.AbsoluteUri.TrimEnd('/') + "/secrets/temp-password-" + user.Id + "/", secretUri, StringComparison.Ordinal);
        string table = output.Split('\n').Single(l => l.StartsWith("TABLE ", StringComparison.Ordinal));
        Assert.True(table.Contains("Password in Key Vault: " + Sandbox.KeyVaultUri!.AbsoluteUri.TrimEnd('/') + "/secrets/temp-password-" + user.Id, StringComparison.Ordinal), table);

        KeyVaultSecretInfo secret = Sandbox.Tenant.KeyVaultSecrets.Single(s => s.Name == "temp-password-" + user.Id);
        string stored = secret.RevealSecretForTest();
        Assert.True(Sandbox.Tenant.FindUser(user.Id)!.Password!.Matches(stored), "The vault must hold the password Graph holds.");
        Assert.Equal(user.UserPrincipalName, secret.Tags["userPrincipalName"]);
        Assert.NotNull(secret.Expires);
        Assert.DoesNotContain(stored, output, StringComparison.Ordinal);
    }

    /// <summary>In a real pwsh, for the vault's own host name: an answer that does not name the stored secret proves nothing.</summary>
    [PwshFact]
    public void A_store_answered_with_another_vaults_secret_id_keeps_the_password_in_the_result()
    {
        UserRecord user = _fixture.PlainMember(2);
        const string script = "$ErrorActionPreference = 'Continue'\n" + SandboxFixture.PwshConnectWithSecret + """
            $all = Reset-CompromisedPassword $env:IC_USER_ID -KeyVaultUri $env:IC_VAULT -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
            $all | Where-Object { $_.PSObject.TypeNames[0] -eq 'IdentityContainment.PasswordReset' } | ForEach-Object { 'RESULT ' + ([pscustomobject]@{ Status = $_.Status; SecretUri = $_.SecretUri; HasPassword = $null -ne $_.TemporaryPassword } | ConvertTo-Json -Compress) }
            $failed | ForEach-Object { 'ERROR ' + $_.FullyQualifiedErrorId + ' ' + $_.Exception.Message }
            """;
        Sandbox.Tenant.StoredSecretIdVault = new Uri("https://kv-elsewhere.vault.localhost/");
        (int exitCode, string output) result;
        try
        {
            result = Pwsh.Run(new[] { "-NoProfile", "-NonInteractive", "-Command", script }, _fixture.PwshEnvironment(user.UserPrincipalName), TimeSpan.FromMinutes(2));
        }
        finally
        {
            Sandbox.Tenant.StoredSecretIdVault = null;
        }

        Assert.True(result.exitCode == 0, result.output);
        string line = result.output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        using var reset = System.Text.Json.JsonDocument.Parse(line["RESULT ".Length..]);
        Assert.True(reset.RootElement.GetProperty("HasPassword").GetBoolean(), "The password Graph now holds must stay in the result when the vault is not known to hold it.");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reset.RootElement.GetProperty("SecretUri").ValueKind);
        string error = result.output.Split('\n').Single(l => l.StartsWith("ERROR ", StringComparison.Ordinal));
        Assert.StartsWith("ERROR KeyVaultStoreFailed,", error, StringComparison.Ordinal);
        Assert.Contains("without the stored secret's id", error, StringComparison.Ordinal);
        Assert.True(Sandbox.Tenant.FindUser(user.Id)!.LastPasswordChangeDateTime > user.LastPasswordChangeDateTime);
    }

    [Fact]
    public void A_graph_only_access_token_is_refused_before_any_password_changes()
    {
        UserRecord user = Sandbox.Tenant.Users.First(u => u.UserType == "Member" && u.DirectoryRoles.Count == 0);
        DateTimeOffset? changedBefore = user.LastPasswordChangeDateTime;
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U, $Vault) Reset-CompromisedPassword $U -KeyVaultUri $Vault -Confirm:$false",
            Parameters.Of(("U", user.UserPrincipalName), ("Vault", Sandbox.KeyVaultUri!)));

        Assert.StartsWith("KeyVaultTokenUnavailable,", Assert.Single(result.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(changedBefore, Sandbox.Tenant.FindUser(user.Id)!.LastPasswordChangeDateTime);
    }
}
