using IdentityContainment.Detection.Devices;
using IdentityContainment.Devices;
using IdentityContainment.Engine.Tests.Containment;
using IdentityContainment.Pipeline;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Devices;

/// <summary>The device hunt against the aitm-bec sandbox over real HTTP, lists served two to a page.</summary>
public sealed class DeviceHuntTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private ContainmentUser Read(string userPrincipalName)
    {
        UserRecord user = _tenant.Sandbox.Tenant.FindUser(userPrincipalName)!;
        return new ContainmentUser { Id = user.Id, UserPrincipalName = user.UserPrincipalName };
    }

    private static async Task<RecordedResults<DeviceFinding>> HuntAsync(SandboxTenant tenant, DeviceHuntOptions options, params ContainmentUser[] users)
    {
        var results = new RecordedResults<DeviceFinding>();
        await new DeviceHunt(tenant.Connection, options).HuntUsersAsync(users, results, CancellationToken.None);
        return results;
    }

    [Fact]
    public async Task The_attackers_device_is_high_and_the_phished_users_own_devices_are_not()
    {
        DeviceRecord attackers = _tenant.Sandbox.Tenant.Devices.Single(d => d.DisplayName == "DESKTOP-R8T2KQ9");
        var criteria = new DeviceReviewCriteria { Since = attackers.RegistrationDateTime!.Value.AddMinutes(-30), SuspiciousDeviceIds = new[] { attackers.DeviceId } };

        RecordedResults<DeviceFinding> results = await HuntAsync(_tenant, new DeviceHuntOptions { Criteria = criteria, IncludeNonSuspicious = true }, Read("adelev@contoso.com"));

        Assert.Empty(results.Errors);
        var byName = results.Results.ToDictionary(f => f.DisplayName!);
        Assert.Equal(new[] { "Adele's iPhone", "CONTOSO-LT-0142", "DESKTOP-R8T2KQ9" }, byName.Keys.Order(StringComparer.Ordinal));
        DeviceFinding attacker = byName["DESKTOP-R8T2KQ9"];
        Assert.Equal(("High", attackers.Id, attackers.DeviceId, "Workplace", false), (attacker.RiskLevel, attacker.DeviceObjectId, attacker.DeviceId, attacker.TrustType, attacker.IsManaged));
        Assert.Contains("DeviceUsedInSuspiciousSignIn", attacker.ReasonCodes);
        Assert.Equal("RegisteredOwner, RegisteredUser", attacker.Relation);
        Assert.Contains(attackers.Id, attacker.BeforeImage, StringComparison.Ordinal);
        Assert.Equal("Low", byName["Adele's iPhone"].RiskLevel);
        Assert.False(byName["Adele's iPhone"].AppOnlyCanDisable);
        Assert.Equal("None", byName["CONTOSO-LT-0142"].RiskLevel);
    }

    [Fact]
    public async Task Minimum_risk_leaves_out_the_lower_findings()
    {
        DeviceRecord attackers = _tenant.Sandbox.Tenant.Devices.Single(d => d.DisplayName == "DESKTOP-R8T2KQ9");
        var criteria = new DeviceReviewCriteria { Since = attackers.RegistrationDateTime!.Value.AddMinutes(-30) };

        RecordedResults<DeviceFinding> results = await HuntAsync(_tenant, new DeviceHuntOptions { Criteria = criteria, MinimumRisk = IdentityContainment.Detection.RiskLevel.Medium }, Read("adelev@contoso.com"));

        Assert.Equal("DESKTOP-R8T2KQ9", Assert.Single(results.Results).DisplayName);
    }

    [Fact]
    public async Task A_device_in_only_one_of_the_two_lists_is_found_with_that_relation()
    {
        ContainmentUser user = Read(_tenant.PlainMembers.First().UserPrincipalName);
        DeviceRecord Device(int i) => new()
        {
            Id = $"7c000000-0000-4000-8000-{i:D12}", DeviceId = $"7c100000-0000-4000-8000-{i:D12}", DisplayName = $"ONE-LIST-{i}",
            OperatingSystem = "Windows", TrustType = "Workplace", RegistrationDateTime = DateTimeOffset.UtcNow.AddDays(-1),
        };
        _tenant.Sandbox.Tenant.AddDevice(Device(1) with { RegisteredOwners = [user.Id] });
        _tenant.Sandbox.Tenant.AddDevice(Device(2) with { RegisteredUsers = [user.Id] });

        RecordedResults<DeviceFinding> results = await HuntAsync(_tenant, new DeviceHuntOptions { IncludeNonSuspicious = true }, user);

        var relations = results.Results.Where(f => f.DisplayName!.StartsWith("ONE-LIST-", StringComparison.Ordinal)).ToDictionary(f => f.DisplayName!, f => f.Relation);
        Assert.Equal("RegisteredOwner", relations["ONE-LIST-1"]);
        Assert.Equal("RegisteredUser", relations["ONE-LIST-2"]);
    }

    [Fact]
    public async Task A_user_whose_owned_devices_fail_part_way_is_reported_and_the_next_user_is_still_judged()
    {
        ContainmentUser broken = Read(_tenant.PlainMembers.ElementAt(1).UserPrincipalName);
        ContainmentUser healthy = Read("adelev@contoso.com");
        for (int i = 1; i <= 3; i++)
        {
            _tenant.Sandbox.Tenant.AddDevice(new DeviceRecord
            {
                Id = $"7c200000-0000-4000-8000-{i:D12}", DeviceId = $"7c300000-0000-4000-8000-{i:D12}", DisplayName = $"OWNED-{i}",
                OperatingSystem = "Windows", RegistrationDateTime = DateTimeOffset.UtcNow, RegisteredOwners = [broken.Id], RegisteredUsers = [broken.Id],
            });
        }

        FaultRule laterPages = _tenant.Sandbox.Faults.Add(FaultRule.InternalServerError($"^/users/{broken.Id}/ownedDevices", times: null, queryPattern: @"\$skiptoken="));
        RecordedResults<DeviceFinding> results = await HuntAsync(_tenant, new DeviceHuntOptions { Criteria = new DeviceReviewCriteria { Since = DateTimeOffset.UtcNow.AddDays(-3) } }, broken, healthy);

        Assert.True(laterPages.Hits >= 1);
        Assert.Contains("list the devices registered to", Assert.Single(results.Errors).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(results.Results, f => f.UserId == broken.Id);
        Assert.Contains(results.Results, f => f.UserId == healthy.Id && f.DisplayName == "DESKTOP-R8T2KQ9");
    }

    [Fact]
    public async Task Without_device_read_permission_the_devices_are_not_judged_and_a_warning_says_what_to_grant()
    {
        await using SandboxTenant limited = await SandboxTenant.StartAsync(new SandboxOptions { Scenario = "aitm-bec" }, "User.Read.All");

        RecordedResults<DeviceFinding> results = await HuntAsync(limited, new DeviceHuntOptions { Criteria = new DeviceReviewCriteria { Since = DateTimeOffset.UtcNow.AddDays(-3) } }, new ContainmentUser { Id = "adelev@contoso.com", UserPrincipalName = "adelev@contoso.com" });

        Assert.Contains("Device.Read.All", Assert.Single(results.Warnings), StringComparison.Ordinal);
        Assert.All(results.Results, f => Assert.Equal(new[] { "DeviceRegistrationTimeUnknown" }, f.ReasonCodes));
    }
}
