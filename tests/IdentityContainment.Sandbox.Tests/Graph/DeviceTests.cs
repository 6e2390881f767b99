using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class DeviceTests
{
    private static string DeviceAdmin(SandboxServer server, string role = DirectoryRoles.CloudDeviceAdministrator)
    {
        server.Tenant.UpdateUser(Known.DelegatedAdminUpn, u => u with { DirectoryRoles = [.. u.DirectoryRoles, role] });
        return Tokens.Delegated(server, Known.DelegatedAdminUpn, "Directory.AccessAsUser.All");
    }

    [Fact]
    public async Task Registered_devices_are_device_objects_with_select()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/registeredDevices?$select=id,displayName,operatingSystem,accountEnabled"));

        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id,displayName,operatingSystem,accountEnabled)", (string?)body["@odata.context"]);
        var devices = body["value"]!.AsArray().Select(d => d!.AsObject()).ToArray();
        Assert.Equal(["Adele's iPhone", "CONTOSO-LT-0142", "DESKTOP-R8T2KQ9"], devices.Select(d => (string)d["displayName"]!).Order(StringComparer.Ordinal));
        Assert.All(devices, d =>
        {
            Assert.Equal("#microsoft.graph.device", (string?)d["@odata.type"]);
            Assert.Equal(["@odata.type", "id", "displayName", "operatingSystem", "accountEnabled"], d.Select(p => p.Key));
        });
    }

    [Fact]
    public async Task A_caller_that_may_not_read_devices_sees_only_their_type_and_id()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.AutomationAppId, Permissions = ["User.Read.All"] }));

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/registeredDevices?$select=id,displayName,registrationDateTime"));

        var devices = body["value"]!.AsArray().Select(d => d!.AsObject()).ToArray();
        Assert.Equal(3, devices.Length);
        Assert.All(devices, d => Assert.Equal(["@odata.type", "id"], d.Select(p => p.Key)));
    }

    [Fact]
    public async Task Owned_devices_without_select_carry_the_documented_properties()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleId}/ownedDevices/microsoft.graph.device"));

        var attacker = body["value"]!.AsArray().Single(d => (string?)d!["id"] == Known.AttackerDeviceId)!.AsObject();
        Assert.Equal("#microsoft.graph.device", (string?)attacker["@odata.type"]);
        Assert.Equal("Windows", (string?)attacker["operatingSystem"]);
        Assert.Equal("Workplace", (string?)attacker["trustType"]);
        Assert.True((bool)attacker["accountEnabled"]!);
        foreach (var name in new[] { "deviceId", "registrationDateTime", "approximateLastSignInDateTime", "operatingSystemVersion", "isCompliant", "isManaged" })
            Assert.True(attacker.ContainsKey(name), name);
        Assert.Empty(attacker["physicalIds"]!.AsArray());
    }

    [Fact]
    public async Task Get_device_by_object_id()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var device = await GraphTestClient.JsonAsync(await graph.GetAsync($"devices/{Known.AttackerDeviceId}?$select=id,deviceId,displayName"));
        var missing = await graph.GetAsync($"devices/{Guid.NewGuid()}");
        var badSelect = await graph.GetAsync($"devices/{Known.AttackerDeviceId}?$select=colour");

        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#devices(id,deviceId,displayName)/$entity", (string?)device["@odata.context"]);
        Assert.Equal("DESKTOP-R8T2KQ9", (string?)device["displayName"]);
        Assert.NotEqual(Known.AttackerDeviceId, (string?)device["deviceId"]);
        await GraphAssert.ErrorAsync(missing, HttpStatusCode.NotFound, "Request_ResourceNotFound");
        await GraphAssert.ErrorAsync(badSelect, HttpStatusCode.BadRequest, "Request_BadRequest", "Could not find a property named 'colour' on type 'microsoft.graph.device'.");
    }

    [Fact]
    public async Task Disabling_the_attacker_device_is_204_and_closes_its_foothold()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        Assert.True(server.EvaluateFootholds().Single(f => f.Id == "aitm-device").IsOpen);

        var response = await graph.PatchAsync($"devices/{Known.AttackerDeviceId}", """{"accountEnabled": false}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.False(server.Tenant.FindDevice(Known.AttackerDeviceId)!.AccountEnabled);
        var foothold = server.EvaluateFootholds().Single(f => f.Id == "aitm-device");
        Assert.False(foothold.IsOpen);
        Assert.Equal("device 'DESKTOP-R8T2KQ9' is disabled.", foothold.Reason);
    }

    [Fact]
    public async Task Deleting_the_attacker_device_closes_its_foothold()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v1.0/devices/{Known.AttackerDeviceId}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(server.Tenant.FindDevice(Known.AttackerDeviceId));
        Assert.False(server.EvaluateFootholds().Single(f => f.Id == "aitm-device").IsOpen);
    }

    [Fact]
    public async Task App_only_caller_cannot_disable_a_non_Windows_device()
    {
        await using var server = await TestSandbox.StartAsync();
        using var app = GraphTestClient.AsAutomation(server);
        using var admin = new GraphTestClient(server, DeviceAdmin(server));

        var refused = await app.PatchAsync($"devices/{Known.AdelePhoneId}", """{"accountEnabled": false}""");
        var stillEnabled = server.Tenant.FindDevice(Known.AdelePhoneId)!.AccountEnabled;
        var delegated = await admin.PatchAsync($"devices/{Known.AdelePhoneId}", """{"accountEnabled": false}""");

        await GraphAssert.ErrorAsync(refused, HttpStatusCode.Forbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        Assert.True(stillEnabled);
        Assert.Equal(HttpStatusCode.NoContent, delegated.StatusCode);
        Assert.False(server.Tenant.FindDevice(Known.AdelePhoneId)!.AccountEnabled);
    }

    public static TheoryData<string?, string[], HttpStatusCode> DelegatedCases => new()
    {
        { DirectoryRoles.CloudDeviceAdministrator, ["Directory.AccessAsUser.All"], HttpStatusCode.NoContent },
        { DirectoryRoles.IntuneAdministrator, ["Directory.AccessAsUser.All"], HttpStatusCode.NoContent },
        // Nestor's own roles (Security Administrator, Privileged Authentication Administrator) do not manage devices.
        { null, ["Directory.AccessAsUser.All"], HttpStatusCode.Forbidden },
        // Delegated callers have no Device.ReadWrite.All route: only Directory.AccessAsUser.All.
        { DirectoryRoles.CloudDeviceAdministrator, ["Device.ReadWrite.All"], HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(DelegatedCases))]
    public async Task Delegated_disable_needs_Directory_AccessAsUser_All_and_a_device_role(string? role, string[] scopes, HttpStatusCode expected)
    {
        await using var server = await TestSandbox.StartAsync();
        if (role is not null)
            server.Tenant.UpdateUser(Known.DelegatedAdminUpn, u => u with { DirectoryRoles = [.. u.DirectoryRoles, role] });
        using var graph = new GraphTestClient(server, Tokens.Delegated(server, Known.DelegatedAdminUpn, scopes));

        var response = await graph.PatchAsync($"devices/{Known.AttackerDeviceId}", """{"accountEnabled": false}""");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task App_without_Device_ReadWrite_All_cannot_disable()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.AutomationAppId, Permissions = ["Device.Read.All"] }));

        var response = await graph.PatchAsync($"devices/{Known.AttackerDeviceId}", """{"accountEnabled": false}""");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.True(server.Tenant.FindDevice(Known.AttackerDeviceId)!.AccountEnabled);
    }

    [Theory]
    [InlineData("""{"accountEnabled":"no"}""", "BadRequest")]
    [InlineData("""{"displayName":"renamed"}""", "Request_BadRequest")]
    [InlineData("""{"colour":"blue"}""", "Request_BadRequest")]
    public async Task Bad_patch_body_is_400(string body, string code)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PatchAsync($"devices/{Known.AttackerDeviceId}", body);

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, code);
    }
}
