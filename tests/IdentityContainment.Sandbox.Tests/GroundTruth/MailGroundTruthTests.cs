using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>
/// The mail ground truth: inbox rule, forwarding and delegation footholds, and "mail still leaks while any forwarding rule or
/// mailbox forwarding to an outside address exists", judged from the sandbox's state after real Graph calls.
/// </summary>
public sealed class MailGroundTruthTests
{
    private const string Nestor = "nestorw@fabrikam.com";
    private const string HideRule = "AQAAAFJ1bGUx";
    private const string DeleteRule = "AQAAAFJ1bGUy";

    private static FootholdStatus Status(SandboxServer server, string id) => server.EvaluateFootholds().Single(f => f.Id == id);

    private static MailLeakStatus Leak(SandboxServer server, string upn) => server.EvaluateMailLeaks().Single(l => l.UserPrincipalName == upn);

    [Fact]
    public async Task Every_bec_finance_foothold_is_open_at_start_and_nestors_mail_leaks_three_ways()
    {
        await using var server = await TestSandbox.StartAsync("bec-finance");

        var footholds = server.EvaluateFootholds();
        var leak = Leak(server, Nestor);

        Assert.Equal(["bec-session", "bec-password", "bec-hide-rule", "bec-delete-rule", "bec-hidden-rule", "bec-mailbox-forwarding", "bec-full-access", "bec-send-as"],
            footholds.Select(f => f.Id));
        Assert.All(footholds, f => Assert.True(f.IsOpen, $"{f.Id}: {f.Reason}"));
        Assert.True(leak.LeaksOutside);
        Assert.Equal(
            ["inbox rule 'Sync' (hidden) → nw-archive@mailbox-secure.example",
             "mailbox forwarding (ForwardingSmtpAddress) → nw-archive@mailbox-secure.example",
             "mailbox forwarding (ForwardingAddress 'Finance Archive') → finance-archive@mailbox-secure.example"],
            leak.OutsideDestinations);
        Assert.False(Leak(server, "pattif@fabrikam.com").LeaksOutside);
    }

    [Fact]
    public async Task Deleting_and_disabling_the_attackers_rules_over_graph_closes_them_and_keeps_nestors_own_rules()
    {
        await using var server = await TestSandbox.StartAsync("bec-finance");
        using var graph = GraphTestClient.AsAutomation(server);
        var rules = $"users/{Nestor}/mailFolders/inbox/messageRules";

        var deleted = await graph.DeleteAsync($"{rules}/{HideRule}");
        var disabled = await graph.PatchAsync($"{rules}/{DeleteRule}", """{"isEnabled":false}""");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var hide = Status(server, "bec-hide-rule");
        var delete = Status(server, "bec-delete-rule");
        Assert.False(hide.IsOpen);
        Assert.Equal($"inbox rule {HideRule} no longer exists.", hide.Reason);
        Assert.False(delete.IsOpen);
        Assert.Equal("inbox rule 'Cleanup' exists but is disabled.", delete.Reason);
        Assert.True(Status(server, "bec-hidden-rule").IsOpen);
        var left = server.Tenant.FindMailbox(server.Tenant.FindUser(Nestor)!.Id)!.InboxRules.Select(r => r.DisplayName);
        Assert.Equal(["Cleanup", "Projekte", "Newsletter", "Kopie an mich", "Sync", "Junk E-Mail Rule"], left);
        // The hidden rule and the mailbox forwarding are out of Graph's reach: mail still leaks.
        Assert.True(Leak(server, Nestor).LeaksOutside);
    }

    [Fact]
    public async Task Mail_stops_leaking_only_when_the_hidden_rule_and_the_mailbox_forwarding_are_gone()
    {
        await using var server = await TestSandbox.StartAsync("bec-finance");
        var nestorId = server.Tenant.FindUser(Nestor)!.Id;

        server.Tenant.RemoveInboxRule(nestorId, "AQAAAFN5bmM=");
        var afterRule = Leak(server, Nestor);
        server.Tenant.ClearMailboxForwarding(nestorId);
        var afterForwarding = Leak(server, Nestor);

        Assert.True(afterRule.LeaksOutside);
        Assert.DoesNotContain(afterRule.OutsideDestinations, d => d.Contains("Sync", StringComparison.Ordinal));
        Assert.False(afterForwarding.LeaksOutside);
        Assert.Empty(afterForwarding.OutsideDestinations);
        // "Kopie an mich" still forwards, but to his own alias in a verified domain.
        Assert.Equal("mail is forwarded only inside the verified domains (nestor.wilke@fabrikam.com).", afterForwarding.Reason);
        Assert.False(Status(server, "bec-hidden-rule").IsOpen);
        Assert.False(Status(server, "bec-mailbox-forwarding").IsOpen);
    }

    [Fact]
    public async Task A_disabled_forwarding_rule_does_not_leak_and_a_rule_to_an_unverified_domain_does()
    {
        await using var server = await TestSandbox.StartAsync("bec-finance");
        var pattiId = server.Tenant.FindUser("pattif@fabrikam.com")!.Id;
        InboxRuleRecord Forward(string id, string address, bool enabled) => new()
        {
            Id = id,
            DisplayName = id,
            IsEnabled = enabled,
            Actions = new MessageRuleActions { RedirectTo = [new Recipient { EmailAddress = new EmailAddress { Address = address } }] },
        };

        server.Tenant.UpdateMailbox(pattiId, m => m with { InboxRules = [.. m.InboxRules, Forward("off", "x@elsewhere.example", enabled: false)] });
        var disabledOnly = Leak(server, "pattif@fabrikam.com");
        server.Tenant.UpdateMailbox(pattiId, m => m with { InboxRules = [.. m.InboxRules, Forward("partner", "ap@fabrikam-partners.com", enabled: true)] });
        var unverified = Leak(server, "pattif@fabrikam.com");

        Assert.False(disabledOnly.LeaksOutside);
        Assert.True(unverified.LeaksOutside);
        Assert.Equal(["inbox rule 'partner' → ap@fabrikam-partners.com"], unverified.OutsideDestinations);
    }

    [Fact]
    public async Task Removing_it_supports_full_access_and_send_as_closes_those_footholds()
    {
        await using var server = await TestSandbox.StartAsync("bec-finance");
        var nestorId = server.Tenant.FindUser(Nestor)!.Id;

        server.Tenant.RemoveMailboxDelegation(nestorId, "perm-it-support-fullaccess");

        Assert.False(Status(server, "bec-full-access").IsOpen);
        Assert.True(Status(server, "bec-send-as").IsOpen);
        Assert.Equal("IT Support still holds SendAs on the mailbox.", Status(server, "bec-send-as").Reason);
    }

    [Fact]
    public async Task In_aitm_bec_adeles_mail_leaks_until_the_forward_rule_and_the_mailbox_forwarding_are_gone()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var before = Leak(server, Known.AdeleUpn);
        await graph.DeleteAsync($"users/{Known.AdeleUpn}/mailFolders/inbox/messageRules/AQAAAJ5dZhE=");
        var afterRule = Leak(server, Known.AdeleUpn);
        server.Tenant.ClearMailboxForwarding(Known.AdeleId);

        Assert.Equal(2, before.OutsideDestinations.Count);
        Assert.Equal(["mailbox forwarding (ForwardingSmtpAddress) → ap.archive@securemail-relay.example"], afterRule.OutsideDestinations);
        Assert.False(Leak(server, Known.AdeleUpn).LeaksOutside);
        // Alex forwards approvals to Adele: inside the tenant, no leak.
        Assert.False(Leak(server, Known.AlexUpn).LeaksOutside);
    }

    [Fact]
    public async Task The_control_path_serves_the_mail_leaks()
    {
        await using var server = await TestSandbox.StartAsync("bec-finance");
        using var http = new HttpClient { BaseAddress = server.HttpBaseAddress };

        var leaks = await http.GetFromJsonAsync<JsonArray>("sandbox/mail-leaks");

        var nestor = leaks!.Single(l => (string?)l!["userPrincipalName"] == Nestor)!;
        Assert.True((bool)nestor["leaksOutside"]!);
        Assert.Equal(3, nestor["outsideDestinations"]!.AsArray().Count);
    }
}
