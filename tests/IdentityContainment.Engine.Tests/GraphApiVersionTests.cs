using IdentityContainment.Connection;
using IdentityContainment.Errors;

namespace IdentityContainment.Engine.Tests;

public sealed class GraphApiVersionTests
{
    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0")]
    [InlineData("https://graph.microsoft.us/v1.0")]
    [InlineData("https://proxy.contoso.com/graph/v1.0")]
    [InlineData("http://127.0.0.1:5123/v1.0")]
    public void Endpoints_ending_in_v1_0_are_kept(string value) =>
        Assert.Equal(new Uri(value), GraphApiVersion.Require(new Uri(value)));

    [Theory]
    [InlineData("https://graph.microsoft.com", "https://graph.microsoft.com/v1.0")]
    [InlineData("https://graph.microsoft.com/beta", "https://graph.microsoft.com/v1.0")]
    [InlineData("https://graph.microsoft.com/v2.0", "https://graph.microsoft.com/v1.0")]
    [InlineData("https://graph.microsoft.com/v1.0/users", "https://graph.microsoft.com/v1.0")]
    [InlineData("https://proxy.contoso.com/graph", "https://proxy.contoso.com/graph/v1.0")]
    public void Other_endpoints_are_refused_with_the_one_to_pass(string value, string suggested)
    {
        var error = Assert.Throws<ContainmentException>(() => GraphApiVersion.Require(new Uri(value)));

        Assert.Equal("GraphEndpointVersionUnsupported", error.ErrorId);
        Assert.Equal(ContainmentErrorKind.InvalidArgument, error.Kind);
        Assert.EndsWith($"for example -GraphEndpoint {suggested}.", error.Message, StringComparison.Ordinal);
    }
}
