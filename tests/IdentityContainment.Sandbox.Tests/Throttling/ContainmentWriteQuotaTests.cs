using System.Net;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>Which containment calls spend the directory's write quota (3,000 per 150 s per app and tenant).</summary>
public sealed class ContainmentWriteQuotaTests
{
    [Fact]
    public async Task Device_patch_and_password_reset_spend_the_write_quota()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Throttling.WriteQuota = 2);
        server.Tenant.UpdateUser(Known.DelegatedAdminUpn, u => u with { DirectoryRoles = [.. u.DirectoryRoles, DirectoryRoles.CloudDeviceAdministrator] });
        var admin = server.Tenant.Operators.DelegatedAdmins[0];
        using var graph = new GraphTestClient(server, Tokens.Delegated(server, Known.DelegatedAdminUpn, [.. admin.Scopes]));

        var disable = await graph.PatchAsync($"devices/{Known.AttackerDeviceId}", """{"accountEnabled": false}""");
        var reset = await graph.PostAsync($"users/{Known.AdeleUpn}/authentication/methods/{Known.PasswordMethodId}/resetPassword", """{"newPassword":"N3w-Contained!Pass"}""");
        var third = await graph.PatchAsync($"devices/{Known.AdeleLaptopId}", """{"accountEnabled": false}""");
        var read = await graph.GetAsync($"users/{Known.AdeleUpn}/registeredDevices");

        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        await GraphAssert.ErrorAsync(third, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.Equal("WriteLimitExceeded", GraphAssert.Header(third, "x-ms-throttle-information"));
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("1", GraphAssert.Header(disable, "x-ms-resource-unit"));
    }

    [Fact]
    public async Task Identity_protection_calls_have_their_own_limit_and_do_not_spend_the_write_quota()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.Throttling.WriteQuota = 1);
        using var graph = GraphTestClient.AsAutomation(server);

        var confirm = await graph.PostAsync("identityProtection/riskyUsers/confirmCompromised", $$"""{"userIds":["{{Known.AdeleId}}"]}""");
        var revoke = await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");

        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        Assert.Null(GraphAssert.Header(confirm, "x-ms-resource-unit"));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
    }
}
