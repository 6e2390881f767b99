using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// -KeyVaultUri decides where passwords go and where a vault token goes: only a vault of the cloud (or this machine),
/// and only one that challenged the connection and accepted its token, before any password changes.
/// </summary>
public sealed class KeyVaultTrustTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public KeyVaultTrustTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [Fact]
    public void A_vault_uri_outside_the_clouds_vault_domain_is_refused_before_any_password_changes()
    {
        UserRecord user = _fixture.PlainMember(0);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U) Reset-CompromisedPassword $U -KeyVaultUri https://kv-contoso.vault.contoso.invalid/ -Confirm:$false",
            Parameters.Of(("U", user.UserPrincipalName)));

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith("KeyVaultUriNotAllowed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(result.Output);
        Assert.Equal(user.LastPasswordChangeDateTime, Sandbox.Tenant.FindUser(user.Id)!.LastPasswordChangeDateTime);
    }

    [Fact]
    public void A_host_that_answers_without_ever_challenging_is_no_proof_of_a_vault_and_no_password_changes()
    {
        // The sandbox's own https root answers 404 to anything that is not Graph or a token request, without asking
        // for a token: exactly what the old check took for "the vault works, the secret does not exist yet".
        UserRecord user = _fixture.PlainMember(1);
        using HostedPowerShell shell = _fixture.ClientSecretShell();
        int vaultTokenRequests = Sandbox.Requests.Snapshot().Count(e => e.Kind == RequestKind.Token);

        ScriptResult result = shell.Run(
            "param($U, $Vault) Reset-CompromisedPassword $U -KeyVaultUri $Vault -Confirm:$false",
            Parameters.Of(("U", user.UserPrincipalName), ("Vault", Sandbox.HttpsBaseAddress!)));

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith("KeyVaultNotAuthenticated,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("No password was changed", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(user.LastPasswordChangeDateTime, Sandbox.Tenant.FindUser(user.Id)!.LastPasswordChangeDateTime);
        Assert.Equal(vaultTokenRequests, Sandbox.Requests.Snapshot().Count(e => e.Kind == RequestKind.Token));
        SecretScan.AssertAbsent(result, SandboxSecrets.AutomationAppSecret);
    }
}
