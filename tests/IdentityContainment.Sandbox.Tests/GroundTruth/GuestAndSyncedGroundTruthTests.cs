using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class GuestAndSyncedGroundTruthTests
{
    [Fact]
    public async Task Guest_session_survives_revocation_and_closes_when_the_guest_is_disabled()
    {
        await using var server = await TestSandbox.StartAsync("guest-user");
        using var graph = GraphTestClient.AsAutomation(server);
        var guest = "users/" + Known.GuestUpn.Replace("#", "%23");

        var revoke = await graph.PostAsync(guest + "/revokeSignInSessions");
        var afterRevoke = server.EvaluateFootholds().Single();
        var disable = await graph.PatchAsync(guest, """{"accountEnabled":false}""");
        var afterDisable = server.EvaluateFootholds().Single();

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.True(afterRevoke.IsOpen, afterRevoke.Reason);
        Assert.Contains("home tenant", afterRevoke.Reason);
        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        Assert.False(afterDisable.IsOpen);
    }

    [Fact]
    public async Task Synced_user_session_closes_on_revoke_but_the_password_needs_an_on_premises_reset()
    {
        await using var server = await TestSandbox.StartAsync("synced-user");
        using var graph = GraphTestClient.AsAutomation(server);

        await graph.PostAsync($"users/{Known.SyncedUserUpn}/revokeSignInSessions");
        var reset = await graph.PatchAsync($"users/{Known.SyncedUserUpn}", """{"passwordProfile":{"password":"N3w-Contained!Pass"}}""");
        var afterGraph = server.EvaluateFootholds().ToDictionary(f => f.Id, f => f.IsOpen);
        // What a reset on-premises looks like once it syncs up.
        server.Tenant.SetPassword(Known.SyncedUserUpn, "0nPrem-Reset!Value");
        var afterOnPremises = server.EvaluateFootholds().ToDictionary(f => f.Id, f => f.IsOpen);

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.False(afterGraph["synced-session"]);
        Assert.True(afterGraph["synced-password"]);
        Assert.False(afterOnPremises["synced-password"]);
    }
}
