using IdentityContainment.Connection;
using IdentityContainment.Errors;

namespace IdentityContainment.Engine.Tests;

/// <summary>Where a token may go: the cloud's own Graph or this machine for a credential's token, only that origin per request.</summary>
public sealed class TokenDestinationsTests
{
    [Theory]
    [InlineData(AuthenticationMethod.ManagedIdentity, CloudEnvironment.Global, "https://graph.microsoft.com/v1.0")]
    [InlineData(AuthenticationMethod.ClientSecret, CloudEnvironment.USGov, "https://graph.microsoft.us/v1.0")]
    [InlineData(AuthenticationMethod.CertificateFile, CloudEnvironment.USGovDoD, "https://dod-graph.microsoft.us/beta")]
    [InlineData(AuthenticationMethod.InteractiveBrowser, CloudEnvironment.China, "https://microsoftgraph.chinacloudapi.cn/v1.0")]
    [InlineData(AuthenticationMethod.ManagedIdentity, CloudEnvironment.Global, "http://127.0.0.1:5080/v1.0")]
    [InlineData(AuthenticationMethod.ClientSecret, CloudEnvironment.Global, "https://localhost:5081/v1.0")]
    [InlineData(AuthenticationMethod.DeviceCode, CloudEnvironment.Global, "http://[::1]:5080/v1.0")]
    [InlineData(AuthenticationMethod.AccessToken, CloudEnvironment.Global, "https://graph-proxy.contoso.com/v1.0")]
    public void A_token_may_go_to_the_clouds_own_graph_or_this_machine(AuthenticationMethod method, CloudEnvironment environment, string endpoint) =>
        TokenDestinations.RequireGraphEndpointFor(method, CloudEndpoints.For(environment), new Uri(endpoint));

    [Theory]
    [InlineData(AuthenticationMethod.ManagedIdentity, CloudEnvironment.Global, "https://attacker.example/v1.0")]
    [InlineData(AuthenticationMethod.ClientSecret, CloudEnvironment.Global, "https://graph.microsoft.com.attacker.example/v1.0")]
    [InlineData(AuthenticationMethod.CertificateThumbprint, CloudEnvironment.Global, "https://graph.microsoft.us/v1.0")]
    [InlineData(AuthenticationMethod.InteractiveBrowser, CloudEnvironment.USGov, "https://graph.microsoft.com/v1.0")]
    [InlineData(AuthenticationMethod.DeviceCode, CloudEnvironment.Global, "https://graph.microsoft.com:8443/v1.0")]
    [InlineData(AuthenticationMethod.ManagedIdentity, CloudEnvironment.Global, "http://graph.microsoft.com/v1.0")]
    public void A_credentials_token_is_refused_for_any_other_host(AuthenticationMethod method, CloudEnvironment environment, string endpoint)
    {
        var error = Assert.Throws<ContainmentException>(() => TokenDestinations.RequireGraphEndpointFor(method, CloudEndpoints.For(environment), new Uri(endpoint)));

        Assert.Equal("GraphEndpointNotAllowedForSignIn", error.ErrorId);
        Assert.Equal(ContainmentErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("-AccessToken", error.Message, StringComparison.Ordinal);
        Assert.Contains(endpoint.Replace(":443", string.Empty), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/users/1", "https://graph.microsoft.com/v1.0", true)]
    [InlineData("https://GRAPH.microsoft.com:443/beta/x", "https://graph.microsoft.com/v1.0", true)]
    [InlineData("http://127.0.0.1:5080/v1.0/users", "http://127.0.0.1:5080/v1.0", true)]
    [InlineData("http://127.0.0.1:5081/v1.0/users", "http://127.0.0.1:5080/v1.0", false)]
    [InlineData("https://127.0.0.1:5080/v1.0/users", "http://127.0.0.1:5080/v1.0", false)]
    [InlineData("http://graph.microsoft.com/v1.0/users", "https://graph.microsoft.com/v1.0", false)]
    [InlineData("https://evil.example/v1.0/users", "https://graph.microsoft.com/v1.0", false)]
    [InlineData("https://graph.microsoft.com.evil.example/v1.0", "https://graph.microsoft.com/v1.0", false)]
    public void A_request_carries_the_token_only_to_the_endpoints_own_origin(string request, string endpoint, bool carries) =>
        Assert.Equal(carries, TokenDestinations.MayCarryToken(new Uri(request), new Uri(endpoint)));

    [Theory]
    [InlineData("https://login.microsoftonline.com/")]
    [InlineData("https://login.microsoftonline.us")]
    [InlineData("https://login.chinacloudapi.cn/")]
    [InlineData("https://localhost:5001/")]
    [InlineData("https://127.0.0.1:5001/")]
    public void Known_entra_authorities_and_this_machine_are_accepted(string authority) =>
        Assert.StartsWith(authority.TrimEnd('/'), EndpointRules.ValidateAuthorityHost(authority).AbsoluteUri, StringComparison.Ordinal);

    [Theory]
    [InlineData("https://login.attacker.example/", "AuthorityHostNotKnown")]
    [InlineData("https://login.microsoftonline.com.attacker.example/", "AuthorityHostNotKnown")]
    [InlineData("https://login.microsoftonline.com:8443/", "AuthorityHostNotKnown")]
    [InlineData("http://localhost:5000/", "AuthorityHostNotHttps")]
    public void Any_other_authority_is_refused_before_a_secret_is_sent(string authority, string errorId)
    {
        var error = Assert.Throws<ContainmentException>(() => EndpointRules.ValidateAuthorityHost(authority));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(authority, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_refuses_a_credential_for_a_foreign_endpoint_before_signing_in()
    {
        var request = new ConnectionRequest
        {
            Method = AuthenticationMethod.ManagedIdentity,
            GraphEndpoint = new Uri("https://attacker.example/v1.0"),
        };

        var error = await Assert.ThrowsAsync<ContainmentException>(() => GraphConnector.ConnectAsync(request, CancellationToken.None));

        Assert.Equal("GraphEndpointNotAllowedForSignIn", error.ErrorId);
    }
}
