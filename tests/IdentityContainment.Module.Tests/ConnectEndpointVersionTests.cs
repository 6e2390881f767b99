using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>An endpoint without /v1.0 is refused at Connect with what to pass, before any request is sent.</summary>
public sealed class ConnectEndpointVersionTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public ConnectEndpointVersionTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [Theory]
    [InlineData("", "names no Graph API version")]
    [InlineData("beta", "names the Graph API version 'beta'")]
    [InlineData("v1.0/users", "does not end in a Graph API version")]
    public void An_endpoint_without_v1_0_is_refused_with_the_endpoint_to_use(string path, string reason)
    {
        string root = Sandbox.GraphEndpoint.GetLeftPart(UriPartial.Authority);
        using var shell = new HostedPowerShell();
        shell.ImportModule();
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run(
            "param($Token, $Endpoint) Connect-IdentityContainment -AccessToken $Token -GraphEndpoint $Endpoint",
            Parameters.Of(("Token", _fixture.TokenFor(_fixture.AutomationApp)), ("Endpoint", $"{root}/{path}")));

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith("GraphEndpointVersionUnsupported,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(reason, error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains($"-GraphEndpoint {root}/v1.0.", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Empty(Sandbox.Requests.Snapshot());
    }

    [Fact]
    public void The_version_may_end_in_a_slash()
    {
        using var shell = new HostedPowerShell();
        shell.ImportModule();

        ScriptResult result = shell.Run(
            "param($Token, $Endpoint) Connect-IdentityContainment -AccessToken $Token -GraphEndpoint $Endpoint",
            Parameters.Of(("Token", _fixture.TokenFor(_fixture.AutomationApp)), ("Endpoint", Sandbox.GraphEndpoint.AbsoluteUri.TrimEnd('/') + "/")));

        Assert.Empty(result.AllErrors);
        Assert.Single(result.Output);
    }
}
