using IdentityContainment.Connection;

namespace IdentityContainment.Engine.Tests;

public sealed class CloudEndpointsTests
{
    [Theory]
    [InlineData(CloudEnvironment.Global, "https://login.microsoftonline.com/", "https://graph.microsoft.com/v1.0")]
    [InlineData(CloudEnvironment.USGov, "https://login.microsoftonline.us/", "https://graph.microsoft.us/v1.0")]
    [InlineData(CloudEnvironment.USGovDoD, "https://login.microsoftonline.us/", "https://dod-graph.microsoft.us/v1.0")]
    [InlineData(CloudEnvironment.China, "https://login.chinacloudapi.cn/", "https://microsoftgraph.chinacloudapi.cn/v1.0")]
    public void Each_cloud_signs_in_and_calls_graph_at_its_own_hosts(CloudEnvironment environment, string authority, string graph)
    {
        CloudEndpoints endpoints = CloudEndpoints.For(environment);

        Assert.Equal(authority, endpoints.AuthorityHost.AbsoluteUri);
        Assert.Equal(graph, endpoints.GraphEndpoint.AbsoluteUri);
        Assert.Equal(endpoints.GraphResource + "/.default", endpoints.DefaultScope);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com", true)]
    [InlineData("https://graph.microsoft.com/", true)]
    [InlineData("00000003-0000-0000-c000-000000000000", true)]
    [InlineData("https://management.azure.com", false)]
    [InlineData("https://graph.microsoft.us", false)]
    public void Global_graph_accepts_only_graph_audiences(string audience, bool accepted) =>
        Assert.Equal(accepted, CloudEndpoints.For(CloudEnvironment.Global).IsGraphAudience(audience));
}
