using IdentityContainment.Devices;
using IdentityContainment.Engine.Tests.Containment;
using IdentityContainment.Pipeline;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Devices;

/// <summary>Disabling the devices findings name, against the aitm-bec sandbox over real HTTP, signed in as the automation app.</summary>
public sealed class SuspiciousDeviceDisableTests : IAsyncLifetime
{
    private const string AttackerDevice = "adff32f5-35dd-4954-a7f8-022a4eedef2a";
    private const string AdelePhone = "4e277e37-2ca3-4564-b2b5-d6383b7e7a53";
    private const string AdeleLaptop = "b21b1c2e-1f61-41bc-acb7-0dd842762334";

    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private static DeviceFinding Finding(string objectId, string? operatingSystem = "Windows") =>
        new() { UserId = "2d1f5a8e-0000-4000-8000-000000000001", UserPrincipalName = "adelev@contoso.com", DeviceObjectId = objectId, OperatingSystem = operatingSystem };

    private async Task<RecordedResults<ContainmentAction>> DisableAsync(params DeviceFinding[] findings)
    {
        var results = new RecordedResults<ContainmentAction>();
        await new SuspiciousDeviceDisable(_tenant.Connection).DisableAsync(findings, results, CancellationToken.None);
        return results;
    }

    [Fact]
    public async Task The_attackers_device_is_disabled_with_its_before_image_and_its_foothold_closes()
    {
        RecordedResults<ContainmentAction> results = await DisableAsync(Finding(AttackerDevice));

        ContainmentAction row = Assert.Single(results.Results);
        Assert.Equal((ContainmentActions.DisableDevice, ContainmentActionStatus.Succeeded, AttackerDevice, (bool?)false), (row.Action, row.Status, row.Target, row.AccountEnabled));
        Assert.Contains("\"accountEnabled\":true", row.BeforeImage, StringComparison.Ordinal);
        Assert.Contains("DESKTOP-R8T2KQ9", row.BeforeImage, StringComparison.Ordinal);
        Assert.False(_tenant.Sandbox.Tenant.FindDevice(AttackerDevice)!.AccountEnabled);
        Assert.False(_tenant.Sandbox.EvaluateFootholds().Single(f => f.Id == "aitm-device").IsOpen);
        Assert.True(_tenant.Sandbox.Tenant.FindDevice(AdeleLaptop)!.AccountEnabled);
    }

    [Fact]
    public async Task An_app_is_refused_a_non_windows_device_before_anything_is_sent_and_the_other_devices_go_on()
    {
        DeviceRecord other = AddWindowsDevice(1);
        _tenant.Sandbox.Requests.Clear();

        // The finding says Windows, Graph says iOS: Graph's answer decides.
        RecordedResults<ContainmentAction> results = await DisableAsync(Finding(AdelePhone, "Windows"), Finding(other.Id));

        var error = Assert.Single(results.Errors);
        Assert.Equal("AppOnlyCannotDisableDevice", error.ErrorId);
        Assert.Contains("iOS", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cloud Device Administrator", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connect-IdentityContainment", error.Message, StringComparison.Ordinal);
        Assert.Equal(ContainmentActionStatus.Failed, results.Results.Single(r => r.Target == AdelePhone).Status);
        Assert.Equal(ContainmentActionStatus.Succeeded, results.Results.Single(r => r.Target == other.Id).Status);
        Assert.True(_tenant.Sandbox.Tenant.FindDevice(AdelePhone)!.AccountEnabled);
        Assert.DoesNotContain(_tenant.Sandbox.Requests.Snapshot(), r => r.Method == "PATCH" && r.Path.Contains(AdelePhone, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_device_already_disabled_or_gone_is_skipped_and_nothing_is_written_for_it()
    {
        DeviceRecord disabled = AddWindowsDevice(2) with { };
        _tenant.Sandbox.Tenant.SetDeviceEnabled(disabled.Id, false);
        const string Gone = "7c400000-0000-4000-8000-000000000404";
        _tenant.Sandbox.Requests.Clear();

        RecordedResults<ContainmentAction> results = await DisableAsync(Finding(disabled.Id), Finding(Gone));

        Assert.Empty(results.Errors);
        Assert.All(results.Results, r => Assert.Equal(ContainmentActionStatus.Skipped, r.Status));
        Assert.Contains("already disabled", results.Results.Single(r => r.Target == disabled.Id).Message, StringComparison.Ordinal);
        Assert.Contains("gone", results.Results.Single(r => r.Target == Gone).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_tenant.Sandbox.Requests.Snapshot(), r => r.Method == "PATCH");
    }

    [Fact]
    public async Task An_app_without_device_write_permission_is_told_what_to_grant_before_anything_is_sent()
    {
        DeviceRecord device = AddWindowsDevice(3);
        using var reader = await _tenant.ConnectWithOnlyAsync("User.Read.All", "Device.Read.All");
        var results = new RecordedResults<ContainmentAction>();

        await new SuspiciousDeviceDisable(reader).DisableAsync(new[] { Finding(device.Id) }, results, CancellationToken.None);

        var error = Assert.Single(results.Errors);
        Assert.Equal("DeviceWritePermissionMissing", error.ErrorId);
        Assert.Contains("Device.ReadWrite.All", error.Message, StringComparison.Ordinal);
        Assert.True(_tenant.Sandbox.Tenant.FindDevice(device.Id)!.AccountEnabled);
    }

    private DeviceRecord AddWindowsDevice(int i)
    {
        var device = new DeviceRecord
        {
            Id = $"7c500000-0000-4000-8000-{i:D12}", DeviceId = $"7c600000-0000-4000-8000-{i:D12}", DisplayName = $"ROGUE-{i}",
            OperatingSystem = "Windows", RegistrationDateTime = DateTimeOffset.UtcNow.AddHours(-1),
        };
        _tenant.Sandbox.Tenant.AddDevice(device);
        return device;
    }
}
