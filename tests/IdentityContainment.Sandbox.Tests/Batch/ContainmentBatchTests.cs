using System.Net;
using System.Text.Json.Nodes;
using static IdentityContainment.Sandbox.Tests.BatchItems;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>The containment routes inside $batch: each item is permission-checked, throttled and logged on its own.</summary>
public sealed class ContainmentBatchTests
{
    [Fact]
    public async Task Identity_protection_items_share_one_request_per_second_and_429_without_Retry_After()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var userIds = new JsonObject { ["userIds"] = new JsonArray(Known.AdeleId) };

        var items = await ItemsAsync(await graph.PostAsync("$batch", Batch(
            Item("confirm", "POST", "/identityProtection/riskyUsers/confirmCompromised", userIds.DeepClone()),
            Item("dismiss", "POST", "/identityProtection/riskyUsers/dismiss", userIds.DeepClone()))));

        Assert.Equal([204, 429], items.Values.Select(i => (int)i["status"]!).Order());
        var throttled = items.Values.Single(i => (int)i["status"]! == 429);
        Assert.Null(throttled["headers"]!["Retry-After"]);
        Assert.Equal("TooManyRequests", (string?)throttled["body"]!["error"]!["code"]);
        Assert.Equal(2, server.Requests.Snapshot().Count(e => e.BatchItemId is not null && e.Path.StartsWith("/identityProtection", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Device_and_password_reset_items_run_with_the_batchs_delegated_token()
    {
        await using var server = await TestSandbox.StartAsync();
        server.Tenant.UpdateUser(Known.DelegatedAdminUpn, u => u with { DirectoryRoles = [.. u.DirectoryRoles, DirectoryRoles.CloudDeviceAdministrator] });
        var admin = server.Tenant.Operators.DelegatedAdmins[0];
        using var graph = new GraphTestClient(server, Tokens.Delegated(server, Known.DelegatedAdminUpn, [.. admin.Scopes]));

        var items = await ItemsAsync(await graph.PostAsync("$batch", Batch(
            Item("devices", "GET", $"/users/{Known.AdeleUpn}/registeredDevices?$select=id,displayName"),
            Item("disable", "PATCH", $"/devices/{Known.AttackerDeviceId}", new JsonObject { ["accountEnabled"] = false }),
            Item("reset", "POST", $"/users/{Known.AdeleUpn}/authentication/methods/{Known.PasswordMethodId}/resetPassword",
                new JsonObject { ["newPassword"] = Known.StrongPassword }))));

        Assert.Equal(200, (int)items["devices"]["status"]!);
        Assert.Equal("#microsoft.graph.device", (string?)items["devices"]["body"]!["value"]![0]!["@odata.type"]);
        Assert.Equal(204, (int)items["disable"]["status"]!);
        Assert.Equal(202, (int)items["reset"]["status"]!);
        var location = (string)items["reset"]["headers"]!["Location"]!;
        Assert.StartsWith($"{server.GraphEndpoint}/users/{Known.AdeleId}/authentication/operations/", location);
        Assert.Equal("1", (string?)items["reset"]["headers"]!["Retry-After"]);
        Assert.False(server.EvaluateFootholds().Single(f => f.Id == "aitm-device").IsOpen);

        // The operation polled from a batch too: running, then succeeded.
        var polls = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var poll = await ItemsAsync(await graph.PostAsync("$batch", Batch(Item("poll", "GET", location[server.GraphEndpoint.ToString().Length..]))));
            polls.Add((string)poll["poll"]["body"]!["status"]!);
        }
        Assert.Equal(["running", "succeeded"], polls);
        Assert.False(server.EvaluateFootholds().Single(f => f.Id == "aitm-password").IsOpen);
    }

    [Fact]
    public async Task App_only_reset_item_is_403_while_the_rest_of_the_batch_runs()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var items = await ItemsAsync(await graph.PostAsync("$batch", Batch(
            Item("reset", "POST", $"/users/{Known.AdeleUpn}/authentication/methods/{Known.PasswordMethodId}/resetPassword",
                new JsonObject { ["newPassword"] = Known.StrongPassword }),
            Item("device", "GET", $"/devices/{Known.AttackerDeviceId}?$select=id"))));

        Assert.Equal(403, (int)items["reset"]["status"]!);
        Assert.Equal(200, (int)items["device"]["status"]!);
    }
}
