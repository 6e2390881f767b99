using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class AitmBecGroundTruthTests
{
    private static FootholdStatus Status(SandboxServer server, string id) => server.EvaluateFootholds().Single(f => f.Id == id);

    [Fact]
    public async Task Every_foothold_is_open_at_start()
    {
        await using var server = await TestSandbox.StartAsync();

        var footholds = server.EvaluateFootholds();

        Assert.Equal(
            ["aitm-session", "aitm-password", "aitm-oauth-grant", "aitm-forward-rule", "aitm-hide-rule", "aitm-mailbox-forwarding", "aitm-authenticator", "aitm-phone", "aitm-device", "aitm-oauth-app"],
            footholds.Select(f => f.Id));
        Assert.All(footholds, f => Assert.True(f.IsOpen, $"{f.Id}: {f.Reason}"));
        Assert.All(footholds, f => Assert.Equal(Known.AdeleUpn, f.UserPrincipalName));
    }

    [Fact]
    public async Task Revoke_closes_the_stolen_session_and_nothing_else()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await graph.PostAsync($"users/{Known.AdeleUpn}/revokeSignInSessions");

        var session = Status(server, "aitm-session");
        Assert.False(session.IsOpen);
        Assert.Matches(@"^refresh token issued \S+Z is before signInSessionsValidFromDateTime \S+Z\.$", session.Reason);
        Assert.All(server.EvaluateFootholds().Where(f => f.Id != "aitm-session"), f => Assert.True(f.IsOpen, f.Id));
    }

    [Fact]
    public async Task Password_change_closes_the_password_foothold()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await graph.PatchAsync($"users/{Known.AdeleUpn}", """{"passwordProfile":{"password":"N3w-Contained!Pass"}}""");

        var password = Status(server, "aitm-password");
        Assert.False(password.IsOpen);
        Assert.StartsWith("password changed at ", password.Reason);
        Assert.True(Status(server, "aitm-session").IsOpen);
    }

    [Fact]
    public async Task Password_set_back_to_the_known_value_stays_open()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await graph.PatchAsync($"users/{Known.AdeleUpn}", """{"passwordProfile":{"password":"Summer2026!Payables"}}""");

        Assert.True(Status(server, "aitm-password").IsOpen);
    }

    [Fact]
    public async Task Disabling_the_account_closes_session_and_password_but_not_mailbox_rules()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await graph.PatchAsync($"users/{Known.AdeleUpn}", """{"accountEnabled":false}""");

        Assert.False(Status(server, "aitm-session").IsOpen);
        Assert.False(Status(server, "aitm-password").IsOpen);
        Assert.True(Status(server, "aitm-forward-rule").IsOpen);
        Assert.True(Status(server, "aitm-mailbox-forwarding").IsOpen);
    }

    [Fact]
    public async Task Removing_persistence_objects_closes_their_footholds()
    {
        await using var server = await TestSandbox.StartAsync();
        var tenant = server.Tenant;
        var targets = server.EvaluateFootholds().ToDictionary(f => f.Id, f => f.Target);

        tenant.RemovePermissionGrant(targets["aitm-oauth-grant"]);
        tenant.RemovePermissionGrant(Known.AttackerExchangeGrantId);
        tenant.RemoveInboxRule(Known.AdeleId, targets["aitm-forward-rule"]);
        tenant.UpdateMailbox(Known.AdeleId, m => m with { InboxRules = m.InboxRules.Select(r => r.Id == targets["aitm-hide-rule"] ? r with { IsEnabled = false } : r).ToArray() });
        tenant.ClearMailboxForwarding(Known.AdeleId);
        tenant.RemoveAuthenticationMethod(Known.AdeleId, targets["aitm-authenticator"]);
        tenant.RemoveAuthenticationMethod(Known.AdeleId, targets["aitm-phone"]);
        tenant.SetDeviceEnabled(targets["aitm-device"], false);

        var open = server.EvaluateFootholds().Where(f => f.IsOpen).Select(f => f.Id);
        Assert.Equal(["aitm-session", "aitm-password"], open);
    }

    [Fact]
    public async Task Disabling_the_consented_apps_service_principal_closes_the_grant_foothold()
    {
        await using var server = await TestSandbox.StartAsync();
        var grant = server.Tenant.FindPermissionGrant(Status(server, "aitm-oauth-grant").Target)!;

        server.Tenant.UpdateServicePrincipal(grant.ClientId, sp => sp with { AccountEnabled = false });

        Assert.False(Status(server, "aitm-oauth-grant").IsOpen);
    }

    [Fact]
    public async Task Benign_objects_of_the_victim_are_not_footholds()
    {
        await using var server = await TestSandbox.StartAsync();
        var targets = server.EvaluateFootholds().Select(f => f.Target).ToHashSet();

        Assert.DoesNotContain(server.Tenant.FindMailbox(Known.AdeleId)!.InboxRules, r => r.DisplayName == "Vendor newsletters" && targets.Contains(r.Id));
        Assert.Equal(2, server.Tenant.FindMailbox(Known.AdeleId)!.InboxRules.Count(r => !targets.Contains(r.Id)));
        Assert.Contains(server.Tenant.PermissionGrants, g => g.PrincipalId == Known.AdeleId && !targets.Contains(g.Id));
        Assert.Contains(server.Tenant.AuthenticationMethodsOf(Known.AdeleId), m => m.Type == AuthenticationMethodType.MicrosoftAuthenticator && !targets.Contains(m.Id));
        Assert.Contains(server.Tenant.DevicesOf(Known.AdeleId), d => !targets.Contains(d.Id));
    }

    [Fact]
    public async Task Ground_truth_is_served_as_json()
    {
        await using var server = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = server.HttpBaseAddress };

        var footholds = await http.GetFromJsonAsync<JsonArray>("sandbox/footholds");

        Assert.Equal(10, footholds!.Count);
        var first = footholds[0]!;
        Assert.Equal("aitm-session", (string?)first["id"]);
        Assert.Equal("session", (string?)first["kind"]);
        Assert.True((bool)first["isOpen"]!);
        Assert.Equal("oauthGrant", (string?)footholds[2]!["kind"]);
        Assert.Equal("oauthApp", (string?)footholds[9]!["kind"]);
    }
}
