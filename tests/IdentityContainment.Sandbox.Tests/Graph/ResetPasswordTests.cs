using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace IdentityContainment.Sandbox.Tests;

public sealed class ResetPasswordTests
{
    private static string ResetPath(string user) => $"users/{user}/authentication/methods/{Known.PasswordMethodId}/resetPassword";

    private static string NewPassword(string password) => new JsonObject { ["newPassword"] = password }.ToJsonString();

    private static bool FootholdOpen(SandboxServer server, string id) => server.EvaluateFootholds().Single(f => f.Id == id).IsOpen;

    [Fact]
    public async Task Admin_supplied_password_is_202_and_applies_only_when_the_operation_succeeds()
    {
        await using var server = await TestSandbox.StartAsync();
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));
        var changedBefore = server.Tenant.FindUser(Known.AdeleUpn)!.LastPasswordChangeDateTime;

        var accepted = await admin.PostAsync(ResetPath(Known.AdeleUpn), NewPassword(Known.StrongPassword));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("{}", await accepted.Content.ReadAsStringAsync());
        var location = accepted.Headers.Location!.ToString();
        Assert.StartsWith($"{server.GraphEndpoint}/users/{Known.AdeleId}/authentication/operations/", location);
        Assert.Equal(TimeSpan.FromSeconds(1), accepted.Headers.RetryAfter?.Delta);
        Assert.True(server.Tenant.FindUser(Known.AdeleUpn)!.Password!.Matches(Known.AdelePassword));
        Assert.True(FootholdOpen(server, "aitm-password"));

        var running = await GraphTestClient.JsonAsync(await admin.GetAsync(location));
        Assert.Equal("running", (string?)running["status"]);
        Assert.True(server.Tenant.FindUser(Known.AdeleUpn)!.Password!.Matches(Known.AdelePassword));
        Assert.True(FootholdOpen(server, "aitm-password"));

        var succeeded = await GraphTestClient.JsonAsync(await admin.GetAsync(location));
        Assert.Equal("succeeded", (string?)succeeded["status"]);
        Assert.Equal((string?)running["id"], (string?)succeeded["id"]);
        Assert.NotNull((string?)succeeded["createdDateTime"]);
        Assert.NotNull((string?)succeeded["lastActionDateTime"]);
        var adele = server.Tenant.FindUser(Known.AdeleUpn)!;
        Assert.True(adele.Password!.Matches(Known.StrongPassword));
        Assert.True(adele.LastPasswordChangeDateTime > changedBefore);
        Assert.False(FootholdOpen(server, "aitm-password"));
    }

    [Fact]
    public async Task Omitted_password_is_generated_returned_and_applied()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.AuthenticationOperations.RunningPolls = 0);
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        var accepted = await admin.PostAsync(ResetPath(Known.AdeleId));
        var body = await GraphTestClient.JsonAsync(accepted);
        var done = await GraphTestClient.JsonAsync(await admin.GetAsync(accepted.Headers.Location!.ToString()));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.passwordResetResponse", (string?)body["@odata.context"]);
        var generated = (string)body["newPassword"]!;
        Assert.Matches("^[A-Z][a-z]{3}[0-9]{4}$", generated);
        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.True(server.Tenant.FindUser(Known.AdeleUpn)!.Password!.Matches(generated));
    }

    [Fact]
    public async Task App_only_caller_is_refused_even_with_the_permission()
    {
        await using var server = await TestSandbox.StartAsync();
        using var app = GraphTestClient.AsAutomation(server);

        var response = await app.PostAsync(ResetPath(Known.AdeleUpn), NewPassword(Known.StrongPassword));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Theory]
    [InlineData("users/nestorw@contoso.com")]
    [InlineData("me")]
    public async Task Admin_cannot_reset_their_own_password(string self)
    {
        await using var server = await TestSandbox.StartAsync();
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        var response = await admin.PostAsync($"{self}/authentication/methods/{Known.PasswordMethodId}/resetPassword", NewPassword(Known.StrongPassword));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task Synced_user_is_reset_through_writeback_and_the_password_foothold_closes()
    {
        await using var server = await TestSandbox.StartAsync("synced-user", o => o.AuthenticationOperations.RetryAfter = TimeSpan.Zero);
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        var accepted = await admin.PostAsync(ResetPath(Known.SyncedUserUpn), NewPassword(Known.StrongPassword));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(TimeSpan.Zero, accepted.Headers.RetryAfter?.Delta);
        Assert.True(FootholdOpen(server, "synced-password"));
        string? status;
        do
            status = (string?)(await GraphTestClient.JsonAsync(await admin.GetAsync(accepted.Headers.Location!.ToString())))["status"];
        while (status == "running");

        Assert.Equal("succeeded", status);
        Assert.False(FootholdOpen(server, "synced-password"));
        // Revocation is a separate step: the session foothold stays open.
        Assert.True(FootholdOpen(server, "synced-session"));
    }

    [Fact]
    public async Task Synced_user_needs_an_admin_supplied_password()
    {
        await using var server = await TestSandbox.StartAsync("synced-user");
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        var response = await admin.PostAsync(ResetPath(Known.SyncedUserUpn));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task The_location_fault_names_another_host_and_a_failed_password_is_kept_for_leak_scans()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.AuthenticationOperations.RunningPolls = 0);
        server.AuthenticationOperations.LocationBase = new Uri("http://127.0.0.1:9/v1.0");
        server.Tenant.RefusedPasswords.RefuseEveryPassword = true;
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        var accepted = await admin.PostAsync(ResetPath(Known.AdeleUpn), NewPassword(Known.StrongPassword));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.StartsWith($"http://127.0.0.1:9/v1.0/users/{Known.AdeleId}/authentication/operations/", accepted.Headers.Location!.ToString());
        Assert.Equal(Known.StrongPassword, Assert.Single(server.Tenant.RefusedPasswords.Snapshot()).RevealSecretForTest());
    }

    [Fact]
    public async Task Password_the_policy_refuses_makes_the_operation_fail()
    {
        await using var server = await TestSandbox.StartAsync(configure: o => o.AuthenticationOperations.RunningPolls = 0);
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        var accepted = await admin.PostAsync(ResetPath(Known.AdeleUpn), NewPassword("short"));
        var done = await GraphTestClient.JsonAsync(await admin.GetAsync(accepted.Headers.Location!.ToString()));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("failed", (string?)done["status"]);
        Assert.Equal("The specified password does not comply with password complexity requirements. Please provide a different password.", (string?)done["statusDetail"]);
        Assert.True(server.Tenant.FindUser(Known.AdeleUpn)!.Password!.Matches(Known.AdelePassword));
        Assert.True(FootholdOpen(server, "aitm-password"));
    }

    [Fact]
    public async Task Operation_nobody_polls_still_ends_after_its_maximum_duration()
    {
        // The tenant's clock moves only when the test moves it past the maximum duration: no polling against real time.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestSandbox.StartAsync(configure: o =>
        {
            o.Clock = clock;
            o.AuthenticationOperations.RunningPolls = 100;
            o.AuthenticationOperations.MaximumDuration = TimeSpan.FromMilliseconds(100);
        });
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        var accepted = await admin.PostAsync(ResetPath(Known.AdeleUpn), NewPassword(Known.StrongPassword));
        Assert.False(server.Tenant.FindUser(Known.AdeleUpn)!.Password!.Matches(Known.StrongPassword));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(server.Tenant.FindUser(Known.AdeleUpn)!.Password!.Matches(Known.StrongPassword));
        var done = await GraphTestClient.JsonAsync(await admin.GetAsync(accepted.Headers.Location!.ToString()));

        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.False(FootholdOpen(server, "aitm-password"));
    }

    [Fact]
    public async Task Authentication_administrator_resets_ordinary_users_but_not_privileged_ones()
    {
        await using var server = await TestSandbox.StartAsync();
        server.Tenant.UpdateUser(Known.AlexUpn, u => u with { DirectoryRoles = [DirectoryRoles.AuthenticationAdministrator] });
        using var alex = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "UserAuthenticationMethod.ReadWrite.All"));
        using var helpdesk = new GraphTestClient(server, Tokens.Delegated(server, "leeg@contoso.com", "UserAuthenticationMethod.ReadWrite.All"));

        var ordinary = await alex.PostAsync(ResetPath(Known.AdeleUpn), NewPassword(Known.StrongPassword));
        var globalAdmin = await alex.PostAsync(ResetPath(Known.GlobalAdminUpn), NewPassword(Known.StrongPassword));
        var noRole = await helpdesk.PostAsync(ResetPath(Known.AdeleUpn), NewPassword(Known.StrongPassword));

        Assert.Equal(HttpStatusCode.Accepted, ordinary.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, globalAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
    }

    [Fact]
    public async Task Operations_are_found_only_under_their_own_user()
    {
        await using var server = await TestSandbox.StartAsync();
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));
        var accepted = await admin.PostAsync(ResetPath(Known.AdeleUpn), NewPassword(Known.StrongPassword));
        var operationId = accepted.Headers.Location!.Segments[^1];

        var otherUser = await admin.GetAsync($"users/{Known.AlexUpn}/authentication/operations/{operationId}");
        var unknown = await admin.GetAsync($"users/{Known.AdeleUpn}/authentication/operations/{Guid.NewGuid()}");
        var byUpn = await admin.GetAsync($"users/{Known.AdeleUpn}/authentication/operations/{operationId}");

        await GraphAssert.ErrorAsync(otherUser, HttpStatusCode.NotFound, "Request_ResourceNotFound");
        await GraphAssert.ErrorAsync(unknown, HttpStatusCode.NotFound, "Request_ResourceNotFound");
        Assert.Equal(HttpStatusCode.OK, byUpn.StatusCode);
    }

    [Theory]
    [InlineData("3179e48a-750b-4051-897c-87b9720928f7", HttpStatusCode.BadRequest)]
    [InlineData("00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    public async Task Only_the_password_method_can_be_reset(string methodId, HttpStatusCode expected)
    {
        await using var server = await TestSandbox.StartAsync();
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        var response = await admin.PostAsync($"users/{Known.AdeleUpn}/authentication/methods/{methodId}/resetPassword", NewPassword(Known.StrongPassword));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Guest_password_belongs_to_the_home_tenant()
    {
        await using var server = await TestSandbox.StartAsync("guest-user");
        using var admin = new GraphTestClient(server, Tokens.DelegatedAdmin(server));

        var response = await admin.PostAsync(ResetPath(Known.GuestId), NewPassword(Known.StrongPassword));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }
}
