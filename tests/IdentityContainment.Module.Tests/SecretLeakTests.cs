using System.Security;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// The failure paths keep secrets too: a password Graph refused, a vault that would not store it and a writeback that
/// failed leave it in no stream, message or error, in any encoding; nor does the token or the client secret.
/// </summary>
public sealed class SecretLeakTests : IClassFixture<SandboxFixture>
{
    private const string EveryStream = " -Verbose -Debug -InformationAction Continue";

    private readonly SandboxFixture _fixture;

    public SecretLeakTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [Fact]
    public void A_password_the_policy_refuses_leaks_nowhere()
    {
        UserRecord user = _fixture.PlainMember(0);
        string token = _fixture.TokenFor(_fixture.AutomationApp);
        using HostedPowerShell shell = _fixture.ConnectedShell();
        Sandbox.Tenant.RefusedPasswords.RefuseEveryPassword = true;
        ScriptResult result;
        try
        {
            result = shell.Run("param($U) Reset-CompromisedPassword $U -SkipRevocation -Confirm:$false" + EveryStream, Parameters.Of(("U", user.UserPrincipalName)));
        }
        finally
        {
            Sandbox.Tenant.RefusedPasswords.RefuseEveryPassword = false;
        }

        Assert.Contains("complexity", Assert.Single(result.Errors).Exception.Message, StringComparison.Ordinal);
        dynamic reset = result.Output.Single().BaseObject;
        Assert.Equal("Failed", (string)reset.Status);
        Assert.Null((SecureString?)reset.TemporaryPassword);
        string refused = Assert.Single(Sandbox.Tenant.RefusedPasswords.Snapshot(), r => r.UserId == user.Id).RevealSecretForTest();
        SecretScan.AssertAbsent(result, refused, token);
    }

    /// <summary>
    /// In a real pwsh: Key Vault fails every store, so the password stays in the result (as a SecureString); formatted
    /// output, every redirected stream and each error's exception searched for it and for the client secret.
    /// </summary>
    [PwshFact]
    public void A_password_key_vault_would_not_store_leaks_nowhere_and_stays_in_the_result()
    {
        UserRecord user = _fixture.PlainMember(1);
        FaultRule storeFails = Sandbox.Faults.Add(FaultRule.InternalServerError("^/secrets/temp-password-", times: null, method: "PUT"));
        string passwordFile = Path.Combine(Path.GetTempPath(), $"ic-leak-{Guid.NewGuid():N}");
        const string script = SandboxFixture.PwshConnectWithSecret + """
            $all = Reset-CompromisedPassword $env:IC_USER_ID -KeyVaultUri $env:IC_VAULT -Confirm:$false -Verbose -Debug -InformationAction Continue *>&1
            $all | Format-List * -Force | Out-String -Width 400
            $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $_.Exception | Format-List * -Force | Out-String -Width 400 }
            $reset = $all | Where-Object { $_.PSObject.TypeNames[0] -eq 'IdentityContainment.PasswordReset' }
            'STATUS ' + $reset.Status + ' ' + ($null -ne $reset.TemporaryPassword) + ' ' + ($null -eq $reset.SecretUri)
            # The one place the password goes in clear: a file the test reads, so it knows what to search for.
            [System.IO.File]::WriteAllText($env:IC_PASSWORD_FILE, [System.Net.NetworkCredential]::new('', $reset.TemporaryPassword).Password)
            """;
        try
        {
            Dictionary<string, string> environment = _fixture.PwshEnvironment(user.UserPrincipalName);
            environment["IC_PASSWORD_FILE"] = passwordFile;
            (int exitCode, string output) = Pwsh.Run(new[] { "-NoProfile", "-NonInteractive", "-Command", script }, environment, TimeSpan.FromMinutes(3));

            Assert.True(exitCode == 0, output);
            Assert.Contains("STATUS Succeeded True True", output, StringComparison.Ordinal);
            Assert.Contains("KeyVaultStoreFailed", output, StringComparison.Ordinal);
            string password = File.ReadAllText(passwordFile);
            Assert.True(Sandbox.Tenant.FindUser(user.Id)!.Password!.Matches(password), "The result must hold the password Graph holds.");
            SecretScan.AssertAbsent(output, "the pwsh output", password, SandboxSecrets.AutomationAppSecret);
        }
        finally
        {
            Sandbox.Faults.Remove(storeFails);
            File.Delete(passwordFile);
        }
    }
}

/// <summary>A synchronized user's password, refused by the cloud or by a failed writeback, leaks nowhere.</summary>
public sealed class SyncedSecretLeakTests : IClassFixture<SyncedUserFixture>
{
    private readonly SyncedUserFixture _fixture;

    public SyncedSecretLeakTests(SyncedUserFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [Fact]
    public void The_password_the_cloud_refuses_for_a_synced_user_leaks_nowhere()
    {
        string user = Sandbox.Tenant.Footholds[0].UserId;
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -SkipRevocation -Confirm:$false -Verbose -Debug", Parameters.Of(("U", user)));

        Assert.StartsWith("SyncedUserPasswordResetRefused,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        SecretScan.AssertAbsent(result, RefusedFor(user));
    }

    [Fact]
    public void The_password_of_a_failed_writeback_leaks_nowhere()
    {
        string user = Sandbox.Tenant.Footholds[0].UserId;
        Sandbox.AuthenticationOperations.RetryAfter = TimeSpan.Zero;
        using HostedPowerShell shell = _fixture.DelegatedShell();
        Sandbox.Tenant.RefusedPasswords.RefuseEveryPassword = true;
        ScriptResult result;
        try
        {
            result = shell.Run("param($U) Reset-CompromisedPassword $U -SkipRevocation -Confirm:$false -Verbose -Debug", Parameters.Of(("U", user)));
        }
        finally
        {
            Sandbox.Tenant.RefusedPasswords.RefuseEveryPassword = false;
        }

        Assert.StartsWith("PasswordWritebackFailed,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("Failed", (string)((dynamic)result.Output.Single().BaseObject).Status);
        SecretScan.AssertAbsent(result, RefusedFor(user));
    }

    private string[] RefusedFor(string user)
    {
        string[] refused = Sandbox.Tenant.RefusedPasswords.Snapshot().Where(r => r.UserId == user || Sandbox.Tenant.FindUser(user)?.Id == r.UserId).Select(r => r.RevealSecretForTest()).ToArray();
        Assert.NotEmpty(refused);
        return refused;
    }
}
