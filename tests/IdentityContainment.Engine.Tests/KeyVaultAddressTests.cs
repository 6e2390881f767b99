using IdentityContainment.Connection;
using IdentityContainment.Containment;
using IdentityContainment.Errors;

namespace IdentityContainment.Engine.Tests;

/// <summary>Temporary passwords go only to a key vault of the connection's cloud, or to this machine (a sandbox).</summary>
public sealed class KeyVaultAddressTests
{
    [Theory]
    [InlineData("https://kv-ir.vault.azure.net/", CloudEnvironment.Global, "https://kv-ir.vault.azure.net/")]
    [InlineData("https://KV-IR.vault.azure.net", CloudEnvironment.Global, "https://kv-ir.vault.azure.net/")]
    [InlineData("https://kv-ir.vault.usgovcloudapi.net/", CloudEnvironment.USGov, "https://kv-ir.vault.usgovcloudapi.net/")]
    [InlineData("https://kv-ir.vault.usgovcloudapi.net/", CloudEnvironment.USGovDoD, "https://kv-ir.vault.usgovcloudapi.net/")]
    [InlineData("https://kv-ir.vault.azure.cn/", CloudEnvironment.China, "https://kv-ir.vault.azure.cn/")]
    [InlineData("https://kv-contoso-containment.vault.localhost/", CloudEnvironment.Global, "https://kv-contoso-containment.vault.localhost/")]
    [InlineData("https://localhost:5443/", CloudEnvironment.Global, "https://localhost:5443/")]
    [InlineData("https://127.0.0.1:5443/", CloudEnvironment.USGov, "https://127.0.0.1:5443/")]
    public void A_vault_of_the_clouds_own_domain_or_this_machine_is_accepted(string uri, CloudEnvironment environment, string expected) =>
        Assert.Equal(expected, KeyVaultAddress.Require(new Uri(uri), environment).AbsoluteUri);

    [Theory]
    [InlineData("https://kv-ir.attacker.example/", CloudEnvironment.Global)]
    [InlineData("https://kv-ir.vault.azure.net.attacker.example/", CloudEnvironment.Global)]
    [InlineData("https://vault.azure.net/", CloudEnvironment.Global)]
    [InlineData("https://a.b.vault.azure.net/", CloudEnvironment.Global)]
    [InlineData("https://kv-ir.vault.azure.net:8443/", CloudEnvironment.Global)]
    [InlineData("http://kv-ir.vault.azure.net/", CloudEnvironment.Global)]
    [InlineData("http://127.0.0.1:5080/", CloudEnvironment.Global)]
    [InlineData("https://kv-ir.vault.azure.cn/", CloudEnvironment.Global)]
    [InlineData("https://kv-ir.vault.azure.net/", CloudEnvironment.USGov)]
    [InlineData("https://hsm-ir.managedhsm.azure.net/", CloudEnvironment.Global)]
    [InlineData("https://hsm-ir.managedhsm.usgovcloudapi.net/", CloudEnvironment.USGov)]
    [InlineData("https://hsm-ir.managedhsm.azure.cn/", CloudEnvironment.China)]
    public void Any_other_host_is_refused_before_a_password_changes(string uri, CloudEnvironment environment)
    {
        var error = Assert.Throws<ContainmentException>(() => KeyVaultAddress.Require(new Uri(uri), environment));

        Assert.Equal("KeyVaultUriNotAllowed", error.ErrorId);
        Assert.Equal(ContainmentErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("No password was changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_uri_is_refused() =>
        Assert.Equal("KeyVaultUriNotAllowed", Assert.Throws<ContainmentException>(() => KeyVaultAddress.Require(new Uri("kv-ir", UriKind.Relative), CloudEnvironment.Global)).ErrorId);

    [Fact]
    public void A_managed_hsm_is_named_as_such() =>
        Assert.Contains("Managed HSM", Assert.Throws<ContainmentException>(() => KeyVaultAddress.Require(new Uri("https://hsm-ir.managedhsm.azure.net/"), CloudEnvironment.Global)).Message, StringComparison.Ordinal);
}
