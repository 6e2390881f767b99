using IdentityContainment.Connection;
using IdentityContainment.Containment;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Containment;

/// <summary>The device list read against the sandbox over real HTTP, lists served two to a page.</summary>
public sealed class UserDevicesReaderTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private UserRecord[] Members(int count) =>
        _tenant.PlainMembers.Take(count).ToArray();

    private DeviceRecord[] AddDevices(UserRecord user, int count, int series)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DeviceRecord[] devices = Enumerable.Range(1, count).Select(i => new DeviceRecord
        {
            Id = $"{series:D2}000000-0000-4000-8000-{i:D12}",
            DeviceId = $"{series:D2}100000-0000-4000-8000-{i:D12}",
            DisplayName = $"PC-{series}-{i}",
            OperatingSystem = "Windows",
            RegistrationDateTime = now.AddHours(-i).AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)),
            AccountEnabled = i % 2 == 0,
            RegisteredOwners = [user.Id],
            RegisteredUsers = [user.Id],
        }).ToArray();
        foreach (DeviceRecord device in devices)
        {
            _tenant.Sandbox.Tenant.AddDevice(device);
        }

        return devices;
    }

    private static ContainmentUser AsRead(UserRecord user) => new() { Id = user.Id, UserPrincipalName = user.UserPrincipalName };

    [Fact]
    public async Task Every_device_of_every_user_is_read_across_pages_with_what_the_decision_needs()
    {
        UserRecord[] users = Members(2);
        AddDevices(users[0], 5, 11);
        AddDevices(users[1], 3, 12);

        IReadOnlyList<UserDevices> read = await new UserDevicesReader(_tenant.Connection).ReadAsync(users.Select(AsRead).ToList(), CancellationToken.None);

        Assert.Equal(users.Select(u => u.Id), read.Select(r => r.User.Id));
        foreach ((UserDevices listing, UserRecord user) in read.Zip(users))
        {
            Assert.False(listing.ReadFailed);
            var held = _tenant.Sandbox.Tenant.DevicesOf(user.Id).OrderBy(d => d.Id).Select(d => ((string?)d.Id, (string?)d.DeviceId, (string?)d.DisplayName, d.OperatingSystem, (DateTimeOffset?)d.RegistrationDateTime, (bool?)d.AccountEnabled));
            Assert.Equal(held, listing.Devices!.OrderBy(d => d.Id).Select(d => (d.Id, d.DeviceId, d.DisplayName, d.OperatingSystem, d.RegistrationDateTime, d.AccountEnabled)));
        }
    }

    [Fact]
    public async Task A_list_whose_later_page_fails_comes_back_failed_never_as_the_pages_that_answered()
    {
        UserRecord[] users = Members(4).Skip(2).ToArray();
        AddDevices(users[0], 5, 21);
        AddDevices(users[1], 1, 22);
        FaultRule laterPages = _tenant.Sandbox.Faults.Add(FaultRule.InternalServerError($"^/users/{users[0].Id}/registeredDevices", times: null, queryPattern: @"\$skiptoken="));

        IReadOnlyList<UserDevices> read = await new UserDevicesReader(_tenant.Connection).ReadAsync(users.Select(AsRead).ToList(), CancellationToken.None);

        Assert.True(laterPages.Hits >= 1);
        Assert.True(read[0].ReadFailed);
        Assert.Equal(500, read[0].Failure!.Error!.Status);
        Assert.Equal(2, read[0].Failure!.FailedAtPage);
        Assert.Single(read[1].Devices!);
    }

    [Fact]
    public async Task Without_device_read_permission_devices_come_back_without_the_dates_no_decision_may_guess()
    {
        UserRecord user = Members(5)[4];
        AddDevices(user, 2, 31);
        using GraphConnection reader = await _tenant.ConnectWithOnlyAsync("User.Read.All");

        IReadOnlyList<UserDevices> read = await new UserDevicesReader(reader).ReadAsync(new[] { AsRead(user) }, CancellationToken.None);

        Assert.Equal(2, read[0].Devices!.Count);
        Assert.All(read[0].Devices!, d => Assert.Null(d.RegistrationDateTime));
    }

    [Fact]
    public async Task No_users_no_request()
    {
        _tenant.Sandbox.Requests.Clear();

        Assert.Empty(await new UserDevicesReader(_tenant.Connection).ReadAsync(Array.Empty<ContainmentUser>(), CancellationToken.None));
        Assert.Empty(_tenant.Sandbox.Requests.Snapshot());
    }
}
