using System.Text.Json.Nodes;
using IdentityContainment.Graph;

namespace IdentityContainment.Engine.Tests;

/// <summary>Each batch item's result names the request-id that traces that item, not the batch's, whenever Graph gives one.</summary>
public sealed class GraphBatchResultTests
{
    private static readonly Dictionary<string, string> NoHeaders = new();

    [Fact]
    public void An_items_own_request_id_header_wins()
    {
        var result = new GraphBatchResult("1", 204, null, new Dictionary<string, string> { ["request-id"] = "item" }) { BatchRequestId = "batch" };

        Assert.Equal("item", result.RequestId);
    }

    [Fact]
    public void A_refused_item_is_traced_by_its_error_bodys_request_id()
    {
        JsonNode body = JsonNode.Parse("""{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges.","innerError":{"request-id":"item","date":"2024-06-03T08:00:00"}}}""")!;
        var result = new GraphBatchResult("1", 403, body, NoHeaders) { BatchRequestId = "batch" };

        Assert.Equal("item", result.RequestId);
        Assert.Equal("item", result.Error.RequestId);
    }

    [Fact]
    public void An_item_graph_gave_no_id_of_its_own_is_traced_by_the_batch()
    {
        var result = new GraphBatchResult("1", 204, null, NoHeaders) { BatchRequestId = "batch" };

        Assert.Equal("batch", result.RequestId);
    }
}
