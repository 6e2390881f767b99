using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class UpdateUserTests
{
    private static string PasswordBody(string password) =>
        """{"passwordProfile":{"forceChangePasswordNextSignIn":true,"password":""" + System.Text.Json.JsonSerializer.Serialize(password) + "}}";

    [Fact]
    public async Task Password_change_is_204_and_moves_lastPasswordChangeDateTime_to_now()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var before = server.Tenant.FindUser(Known.AdeleUpn)!.LastPasswordChangeDateTime!.Value;
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await graph.PatchAsync($"users/{Known.AdeleUpn}", PasswordBody(Known.StrongPassword));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var after = server.Tenant.FindUser(Known.AdeleUpn)!;
        Assert.True(after.LastPasswordChangeDateTime > before);
        Assert.True(after.LastPasswordChangeDateTime >= start);
        Assert.True(after.Password!.Matches(Known.StrongPassword));
        Assert.True(after.ForceChangePasswordNextSignIn);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Forbidden)]
    [InlineData("Helpdesk Administrator", HttpStatusCode.Forbidden)]
    [InlineData("User Administrator", HttpStatusCode.NoContent)]
    public async Task App_only_password_reset_needs_the_User_Administrator_role_beside_the_permission(string? role, HttpStatusCode expected)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, AutomationTokenWithRoles(server, role is null ? [] : [role]));

        var response = await graph.PatchAsync($"users/{Known.AdeleUpn}", PasswordBody(Known.StrongPassword));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.NoContent, server.Tenant.FindUser(Known.AdeleUpn)!.Password!.Matches(Known.StrongPassword));
    }

    [Fact]
    public async Task App_only_disable_of_an_ordinary_user_needs_only_the_permission()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, AutomationTokenWithRoles(server, []));

        var response = await graph.PatchAsync($"users/{Known.AdeleUpn}", """{"accountEnabled":false}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(server.Tenant.FindUser(Known.AdeleUpn)!.AccountEnabled);
    }

    private static string AutomationTokenWithRoles(SandboxServer server, string[] directoryRoles)
    {
        var app = server.Tenant.FindOperatorApplication(Known.AutomationAppId)!;
        return server.IssueAccessToken(new AccessTokenRequest { AppId = app.AppId, Permissions = app.Roles, DirectoryRoles = directoryRoles });
    }

    [Theory]
    [InlineData("Sh0rt!")]
    [InlineData("alllowercaseletters")]
    [InlineData("lowercaseand12345")]
    [InlineData("UPPERCASE-AND-SYMBOLS")]
    public async Task Password_that_breaks_complexity_rules_is_400(string password)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PatchAsync($"users/{Known.AdeleUpn}", PasswordBody(password));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Request_BadRequest",
            "The specified password does not comply with password complexity requirements. Please provide a different password.");
        Assert.True(server.Tenant.FindUser(Known.AdeleUpn)!.Password!.Matches("Summer2026!Payables"));
    }

    [Fact]
    public async Task Each_refused_password_is_kept_for_leak_scans_and_the_fault_refuses_a_good_one()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var weak = await graph.PatchAsync($"users/{Known.AdeleUpn}", PasswordBody("alllowercaseletters"));
        server.Tenant.RefusedPasswords.RefuseEveryPassword = true;
        var strong = await graph.PatchAsync($"users/{Known.AdeleUpn}", PasswordBody("N3w-Contained!Pass"));

        await GraphAssert.ErrorAsync(strong, HttpStatusCode.BadRequest, "Request_BadRequest",
            "The specified password does not comply with password complexity requirements. Please provide a different password.");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(["alllowercaseletters", "N3w-Contained!Pass"], server.Tenant.RefusedPasswords.Snapshot().Select(r => r.RevealSecretForTest()));
        Assert.All(server.Tenant.RefusedPasswords.Snapshot(), r => Assert.Equal(Known.AdeleId, r.UserId));
        Assert.Equal("[secret]", server.Tenant.RefusedPasswords.Snapshot()[0].Password.ToString());
        Assert.True(server.Tenant.FindUser(Known.AdeleUpn)!.Password!.Matches("Summer2026!Payables"));
    }

    [Theory]
    [InlineData("""{"passwordProfile":{"password":"N3w-Contained!Pass"}}""")]
    [InlineData("""{"passwordProfile":{"forceChangePasswordNextSignIn":true}}""")]
    public async Task Synced_user_password_cannot_be_changed_in_the_cloud(string body)
    {
        await using var server = await TestSandbox.StartAsync("synced-user");
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PatchAsync($"users/{Known.SyncedUserUpn}", body);

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Request_BadRequest",
            "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.");
        Assert.True(server.Tenant.FindUser(Known.SyncedUserUpn)!.AccountEnabled);
    }

    [Fact]
    public async Task Synced_user_can_be_disabled_in_the_cloud_until_the_next_sync_cycle_enables_it_again()
    {
        await using var server = await TestSandbox.StartAsync("synced-user");
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PatchAsync($"users/{Known.SyncedUserUpn}", """{"accountEnabled":false}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(server.Tenant.FindUser(Known.SyncedUserUpn)!.AccountEnabled);
        var resynced = server.Tenant.RunDirectorySyncCycle();
        Assert.Equal(Known.SyncedUserUpn, Assert.Single(resynced).UserPrincipalName);
        Assert.True(server.Tenant.FindUser(Known.SyncedUserUpn)!.AccountEnabled);
    }

    [Theory]
    [InlineData("""{"passwordProfile":{"password":"N3w-Contained!Pass"}}""")]
    [InlineData("""{"accountEnabled":false}""")]
    public async Task App_only_caller_cannot_reset_or_disable_a_global_administrator(string body)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PatchAsync($"users/{Known.GlobalAdminUpn}", body);

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    [Fact]
    public async Task Privileged_authentication_administrator_can_reset_a_global_administrator()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        var response = await graph.PatchAsync($"users/{Known.GlobalAdminUpn}", PasswordBody(Known.StrongPassword));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Disabling_sets_accountEnabled_false()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PatchAsync($"users/{Known.AdeleUpn}", """{"accountEnabled":false}""");
        var user = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}?$select=accountEnabled"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False((bool)user["accountEnabled"]!);
    }

    public static TheoryData<string, string[], HttpStatusCode> PermissionCases => new()
    {
        { """{"accountEnabled":false}""", ["User.EnableDisableAccount.All"], HttpStatusCode.NoContent },
        { """{"accountEnabled":false}""", ["User-PasswordProfile.ReadWrite.All"], HttpStatusCode.Forbidden },
        { """{"passwordProfile":{"password":"N3w-Contained!Pass"}}""", ["User-PasswordProfile.ReadWrite.All"], HttpStatusCode.NoContent },
        { """{"passwordProfile":{"password":"N3w-Contained!Pass"}}""", ["User.ReadWrite.All"], HttpStatusCode.NoContent },
        { """{"passwordProfile":{"password":"N3w-Contained!Pass"}}""", ["User.EnableDisableAccount.All"], HttpStatusCode.Forbidden },
        { """{"jobTitle":"Contained"}""", ["User.ReadWrite.All"], HttpStatusCode.NoContent },
        { """{"jobTitle":"Contained"}""", ["User.EnableDisableAccount.All"], HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(PermissionCases))]
    public async Task Each_property_needs_its_own_permission(string body, string[] roles, HttpStatusCode expected)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.AutomationAppId, Permissions = roles }));

        var response = await graph.PatchAsync($"users/{Known.AdeleUpn}", body);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"favouriteColour":"blue"}""", "Request_BadRequest", "Property 'favouriteColour' does not exist as a declared property or extension property.")]
    [InlineData("""{"signInSessionsValidFromDateTime":"2020-01-01T00:00:00Z"}""", "Request_BadRequest", "Property 'signInSessionsValidFromDateTime' is read-only and cannot be set.")]
    [InlineData("this is not json", "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.")]
    [InlineData("""{"accountEnabled":"no"}""", "BadRequest", null)]
    public async Task Bad_body_is_400(string body, string code, string? message)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PatchAsync($"users/{Known.AdeleUpn}", body);

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, code, message);
        Assert.True(server.Tenant.FindUser(Known.AdeleUpn)!.AccountEnabled);
    }

    [Fact]
    public async Task Update_of_unknown_user_is_404()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PatchAsync("users/nobody@contoso.com", """{"accountEnabled":false}""");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }
}
