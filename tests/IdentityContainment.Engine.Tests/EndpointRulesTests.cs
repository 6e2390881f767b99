using IdentityContainment.Connection;
using IdentityContainment.Errors;

namespace IdentityContainment.Engine.Tests;

public sealed class EndpointRulesTests
{
    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/v1.0")]
    [InlineData("https://graph.microsoft.com/v1.0/", "https://graph.microsoft.com/v1.0")]
    [InlineData("http://127.0.0.1:5123/v1.0", "http://127.0.0.1:5123/v1.0")]
    [InlineData("http://localhost:5123/v1.0", "http://localhost:5123/v1.0")]
    [InlineData("http://[::1]:5123/v1.0", "http://[::1]:5123/v1.0")]
    public void Https_anywhere_and_http_to_this_machine_are_accepted(string value, string expected) =>
        Assert.Equal(expected, EndpointRules.ValidateGraphEndpoint(value).AbsoluteUri);

    [Theory]
    [InlineData("http://graph.contoso.com/v1.0", "GraphEndpointNotHttps")]
    [InlineData("http://10.0.0.5/v1.0", "GraphEndpointNotHttps")]
    [InlineData("graph.microsoft.com/v1.0", "GraphEndpointNotAbsolute")]
    [InlineData("/v1.0", "GraphEndpointNotAbsolute")]
    [InlineData("ftp://graph.microsoft.com/v1.0", "GraphEndpointNotAbsolute")]
    public void Endpoints_that_could_leak_a_token_or_make_no_sense_are_refused(string value, string errorId)
    {
        var error = Assert.Throws<ContainmentException>(() => EndpointRules.ValidateGraphEndpoint(value));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Authority_must_be_https() =>
        Assert.Equal("AuthorityHostNotHttps", Assert.Throws<ContainmentException>(() => EndpointRules.ValidateAuthorityHost("http://localhost:5000/")).ErrorId);

    [Fact]
    public void Authority_gets_the_trailing_slash_msal_expects() =>
        Assert.Equal("https://localhost:5001/", EndpointRules.ValidateAuthorityHost("https://localhost:5001").AbsoluteUri);
}
