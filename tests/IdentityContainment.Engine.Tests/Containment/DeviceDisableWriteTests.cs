using IdentityContainment.Containment;
using IdentityContainment.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Containment;

/// <summary>The device disable write against the sandbox over real HTTP.</summary>
public sealed class DeviceDisableWriteTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task The_chosen_devices_are_disabled_in_one_batch_and_a_device_that_is_gone_answers_404_in_its_place()
    {
        // Windows devices: the app may disable no other kind (the sandbox refuses it, as Graph does).
        DeviceRecord[] windows = _tenant.Sandbox.Tenant.Devices.Where(d => d.AccountEnabled && d.OperatingSystem == "Windows").ToArray();
        DeviceRecord[] enabled = windows.Take(2).ToArray();
        Assert.Equal(2, enabled.Length);
        string[] untouched = _tenant.Sandbox.Tenant.Devices.Where(d => d.AccountEnabled).Select(d => d.Id).Except(enabled.Select(d => d.Id)).ToArray();
        var owner = new ContainmentUser { Id = "owner" };
        RegisteredDevice Chosen(string id) => new(id, null, null, null, null, true);
        DeviceTarget[] targets = { new(owner, Chosen(enabled[0].Id)), new(owner, Chosen("7b000000-0000-4000-8000-000000000404")), new(owner, Chosen(enabled[1].Id)) };
        _tenant.Sandbox.Requests.Clear();

        (IReadOnlyList<GraphBatchResult> answers, _) = await new DeviceDisableWrite(_tenant.Connection).SendAsync(targets, CancellationToken.None);

        Assert.Equal(new[] { true, false, true }, answers.Select(a => a.IsSuccess));
        Assert.Equal(404, answers[1].Status);
        Assert.All(enabled, d => Assert.False(_tenant.Sandbox.Tenant.FindDevice(d.Id)!.AccountEnabled));
        Assert.All(untouched, id => Assert.True(_tenant.Sandbox.Tenant.FindDevice(id)!.AccountEnabled));
        Assert.Single(_tenant.Sandbox.Requests.Snapshot(), e => e.Kind == RequestKind.Batch);
    }
}
