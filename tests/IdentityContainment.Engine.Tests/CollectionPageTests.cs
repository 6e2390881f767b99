using IdentityContainment.Graph;

namespace IdentityContainment.Engine.Tests;

public sealed class CollectionPageTests
{
    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/v1.0/users?$top=5&$skiptoken=RFNwdAIAAQ", "/users?$top=5&$skiptoken=RFNwdAIAAQ")]
    [InlineData("https://graph.microsoft.com/v1.0/", "https://graph.microsoft.com/v1.0/users?$filter=id%20in%20('a')&$skiptoken=x", "/users?$filter=id%20in%20('a')&$skiptoken=x")]
    [InlineData("http://127.0.0.1:5123/v1.0", "http://127.0.0.1:5123/v1.0/users/b1/registeredDevices?$select=id&$skiptoken=y", "/users/b1/registeredDevices?$select=id&$skiptoken=y")]
    [InlineData("https://graph.microsoft.com/v1.0", "https://evil.example/v1.0/users?$skiptoken=x", null)]
    [InlineData("https://graph.microsoft.com/v1.0", "http://graph.microsoft.com/v1.0/users?$skiptoken=x", null)]
    [InlineData("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/beta/users?$skiptoken=x", null)]
    [InlineData("https://graph.microsoft.com/v1.0", "/users?$skiptoken=x", null)]
    public void Next_link_becomes_a_batch_url_only_under_the_connections_own_graph(string endpoint, string nextLink, string? expected)
    {
        Assert.Equal(expected, CollectionPage.RelativeToVersionRoot(nextLink, new Uri(endpoint)));
    }

    [Fact]
    public void A_page_reads_its_items_and_next_link()
    {
        CollectionPage page = CollectionPage.Read(System.Text.Json.Nodes.JsonNode.Parse("""{"value":[{"id":"1"},{"id":"2"}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=z"}"""));
        CollectionPage last = CollectionPage.Read(System.Text.Json.Nodes.JsonNode.Parse("""{"value":[]}"""));

        Assert.Equal(["1", "2"], page.Items.Select(i => (string)i["id"]!));
        Assert.Equal("https://graph.microsoft.com/v1.0/users?$skiptoken=z", page.NextLink);
        Assert.Empty(last.Items);
        Assert.Null(last.NextLink);
    }
}
