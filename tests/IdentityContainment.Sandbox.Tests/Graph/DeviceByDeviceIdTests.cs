using System.Net;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>devices(deviceId='...'): sign-ins name a device by its registration id, not its object id.</summary>
public sealed class DeviceByDeviceIdTests
{
    private const string AttackerRegistrationId = "396dfa33-6763-4f9c-8484-f9d69de18a44";

    [Fact]
    public async Task Get_by_device_id_returns_the_device_whose_object_id_differs()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var device = await GraphTestClient.JsonAsync(await graph.GetAsync($"devices(deviceId='{AttackerRegistrationId}')?$select=id,deviceId,displayName"));

        Assert.Equal(Known.AttackerDeviceId, (string?)device["id"]);
        Assert.Equal(AttackerRegistrationId, (string?)device["deviceId"]);
    }

    [Fact]
    public async Task Disabling_by_device_id_closes_the_device_foothold()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PatchAsync($"devices(deviceId='{AttackerRegistrationId}')", """{"accountEnabled": false}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(server.Tenant.FindDevice(Known.AttackerDeviceId)!.AccountEnabled);
        Assert.False(server.EvaluateFootholds().Single(f => f.Id == "aitm-device").IsOpen);
    }

    [Fact]
    public async Task Deleting_by_device_id_removes_the_device()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        Assert.Equal(HttpStatusCode.NoContent, (await graph.DeleteAsync($"devices(deviceId='{AttackerRegistrationId}')")).StatusCode);
        Assert.Null(server.Tenant.FindDevice(Known.AttackerDeviceId));
    }

    [Fact]
    public async Task An_object_id_is_not_a_device_id()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.GetAsync($"devices(deviceId='{Known.AttackerDeviceId}')"), HttpStatusCode.NotFound, "Request_ResourceNotFound");
        await GraphAssert.ErrorAsync(await graph.PatchAsync($"devices(deviceId='{Known.AttackerDeviceId}')", """{"accountEnabled": false}"""), HttpStatusCode.NotFound, "Request_ResourceNotFound");
        Assert.True(server.Tenant.FindDevice(Known.AttackerDeviceId)!.AccountEnabled);
    }
}
