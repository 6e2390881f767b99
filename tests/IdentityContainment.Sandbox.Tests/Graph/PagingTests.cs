using System.Net;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>Every collection is paged with @odata.nextLink and $skiptoken, as Graph pages them (paging docs).</summary>
public sealed class PagingTests
{
    private static void GiveAdeleDevices(SandboxServer server, int count)
    {
        for (var i = 0; i < count; i++)
        {
            server.Tenant.AddDevice(new DeviceRecord
            {
                Id = $"00000000-0000-4000-8000-{i:D12}",
                DeviceId = $"11111111-0000-4000-8000-{i:D12}",
                DisplayName = $"PAGED-{i}",
                OperatingSystem = "Windows",
                RegisteredOwners = [Known.AdeleId],
                RegisteredUsers = [Known.AdeleId],
            });
        }
    }

    [Fact]
    public async Task Registered_devices_come_in_pages_of_the_forced_size_and_the_pages_hold_every_device_once()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Paging.MaxPageSize = 2);
        GiveAdeleDevices(server, 5);
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync($"users/{Known.AdeleUpn}/registeredDevices?$select=id,displayName");

        var expected = server.Tenant.DevicesOf(Known.AdeleId).Where(d => d.RegisteredUsers.Contains(Known.AdeleId)).Select(d => d.Id).Order();
        Assert.Equal(expected, pages.SelectMany(p => p).Select(d => (string)d["id"]!).Order());
        Assert.All(pages, p => Assert.InRange(p.Length, 1, 2));
        Assert.True(pages.Count >= 4);
    }

    [Fact]
    public async Task Next_link_keeps_the_query_options_and_adds_a_skiptoken()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Paging.MaxPageSize = 2);
        GiveAdeleDevices(server, 3);
        using var graph = GraphTestClient.AsAutomation(server);

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleId}/registeredDevices?$select=id,displayName"));

        var next = (string)body["@odata.nextLink"]!;
        Assert.StartsWith($"{server.GraphEndpoint.AbsoluteUri}/users/{Known.AdeleId}/registeredDevices?", next);
        Assert.Contains("$select=id%2CdisplayName", next);
        Assert.Contains("$skiptoken=", next);
    }

    [Fact]
    public async Task Top_sets_the_page_size_up_to_the_maximum()
    {
        await using var server = await TestSandbox.StartAsync();
        GiveAdeleDevices(server, 3);
        using var graph = GraphTestClient.AsAutomation(server);

        var one = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/registeredDevices?$top=1"));
        var all = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/registeredDevices"));
        var tooMany = await graph.GetAsync($"users/{Known.AdeleUpn}/registeredDevices?$top=1000");

        Assert.Single(one["value"]!.AsArray());
        Assert.NotNull(one["@odata.nextLink"]);
        Assert.Null(all["@odata.nextLink"]);
        await GraphAssert.ErrorAsync(tooMany, HttpStatusCode.BadRequest, "Request_BadRequest");
    }

    [Fact]
    public async Task A_list_query_spans_pages_of_the_forced_size()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Paging.MaxPageSize = 3);
        using var graph = GraphTestClient.AsAutomation(server);
        var upns = server.Tenant.Users.Take(8).Select(u => u.UserPrincipalName).ToArray();
        var filter = Uri.EscapeDataString($"userPrincipalName in ({string.Join(",", upns.Select(u => $"'{u}'"))})");

        var pages = await graph.PagesAsync($"users?$filter={filter}&$select=id,userPrincipalName");

        Assert.Equal(upns.Order(StringComparer.OrdinalIgnoreCase), pages.SelectMany(p => p).Select(u => (string)u["userPrincipalName"]!).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal([3, 3, 2], pages.Select(p => p.Length));
    }

    [Fact]
    public async Task A_skiptoken_of_one_collection_is_refused_on_another()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Paging.MaxPageSize = 1);
        using var graph = GraphTestClient.AsAutomation(server);
        var users = await GraphTestClient.JsonAsync(await graph.GetAsync("users?$select=id"));
        var token = new Uri((string)users["@odata.nextLink"]!).Query.Split('&').Single(p => p.StartsWith("$skiptoken=", StringComparison.Ordinal));

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}/registeredDevices?{token}");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Request_BadRequest", "The specified page token value has expired or is invalid.");
    }

    [Fact]
    public async Task Paging_is_live_tunable()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        server.Paging.MaxPageSize = 1;
        var small = await GraphTestClient.JsonAsync(await graph.GetAsync("users?$select=id"));
        server.Paging.MaxPageSize = null;
        var usual = await GraphTestClient.JsonAsync(await graph.GetAsync("users?$select=id"));

        Assert.Single(small["value"]!.AsArray());
        Assert.Equal(Math.Min(100, server.Tenant.Users.Count), usual["value"]!.AsArray().Count);
    }
}
