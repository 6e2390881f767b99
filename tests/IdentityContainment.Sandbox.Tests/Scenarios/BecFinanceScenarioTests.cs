using System.Net;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>bec-finance as Graph shows it: a German mailbox, the attacker's rules beside Nestor's own, hidden rules left out.</summary>
public sealed class BecFinanceScenarioTests
{
    private const string Nestor = "nestorw@fabrikam.com";

    private static async Task<SandboxServer> StartAsync() => await TestSandbox.StartAsync("bec-finance");

    private static GraphTestClient Automation(SandboxServer server) =>
        new(server, Tokens.AutomationWith(server, "MailboxSettings.ReadWrite", "Mail.ReadBasic.All", "Domain.Read.All"));

    [Fact]
    public async Task Graph_lists_nestors_five_visible_rules_and_not_the_hidden_ones()
    {
        await using var server = await StartAsync();
        using var graph = Automation(server);

        var pages = await graph.PagesAsync($"users/{Nestor}/mailFolders/inbox/messageRules");

        Assert.Equal(["..", "Cleanup", "Projekte", "Newsletter", "Kopie an mich"], pages.SelectMany(p => p).Select(r => (string?)r["displayName"]));
        Assert.Equal(7, server.Tenant.FindMailbox(server.Tenant.FindUser(Nestor)!.Id)!.InboxRules.Count);
    }

    [Theory]
    [InlineData("..", "RSS-Abonnements")]
    [InlineData("Projekte", "Archive Projects")]
    [InlineData("Newsletter", "Newsletter")]
    public async Task Each_rules_target_folder_resolves_to_its_german_or_own_name(string rule, string folder)
    {
        await using var server = await StartAsync();
        using var graph = Automation(server);
        var rules = (await graph.PagesAsync($"users/{Nestor}/mailFolders/inbox/messageRules")).SelectMany(p => p);
        var target = (string?)rules.Single(r => (string?)r["displayName"] == rule)["actions"]!["moveToFolder"];

        var resolved = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Nestor}/mailFolders/{target}"));

        Assert.Equal(folder, (string?)resolved["displayName"]);
    }

    [Theory]
    [InlineData("inbox", "Posteingang")]
    [InlineData("deleteditems", "Gelöschte Elemente")]
    [InlineData("junkemail", "Junk-E-Mail")]
    [InlineData("archive", "Archiv")]
    [InlineData("conversationhistory", "Verlauf der Unterhaltung")]
    public async Task Well_known_names_reach_the_localized_folders(string name, string german)
    {
        await using var server = await StartAsync();
        using var graph = Automation(server);

        var folder = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Nestor}/mailFolders/{name}"));

        Assert.Equal(german, (string?)folder["displayName"]);
    }

    [Fact]
    public async Task Mailbox_settings_are_german_and_name_archiv_as_the_archive_folder()
    {
        await using var server = await StartAsync();
        using var graph = Automation(server);

        var settings = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Nestor}/mailboxSettings"));
        var archive = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Nestor}/mailFolders/{(string?)settings["archiveFolder"]}"));

        Assert.Equal("de-DE", (string?)settings["language"]!["locale"]);
        Assert.Equal("Archiv", (string?)archive["displayName"]);
    }

    [Fact]
    public async Task Domains_are_fabrikams_two_verified_and_the_unverified_partner_domain()
    {
        await using var server = await StartAsync();
        using var graph = Automation(server);

        var domains = (await GraphTestClient.JsonAsync(await graph.GetAsync("domains")))["value"]!.AsArray()
            .ToDictionary(d => (string)d!["id"]!, d => (bool)d!["isVerified"]!);

        Assert.Equal(new Dictionary<string, bool> { ["fabrikam.onmicrosoft.com"] = true, ["fabrikam.com"] = true, ["fabrikam-partners.com"] = false }, domains);
    }

    [Fact]
    public void The_exchange_side_of_the_story_is_in_the_mailbox_record()
    {
        var scenario = ScenarioLoader.Load("bec-finance");
        var nestorId = scenario.Users.Single(u => u.UserPrincipalName == Nestor).Id;
        var mailbox = scenario.Mailboxes.Single(m => m.UserId == nestorId);

        Assert.Equal("smtp:nw-archive@mailbox-secure.example", mailbox.Forwarding!.ForwardingSmtpAddress);
        Assert.Equal("Finance Archive", mailbox.Forwarding.ForwardingAddress);
        Assert.True(mailbox.Forwarding.DeliverToMailboxAndForward);
        Assert.Equal(["IT Support"], mailbox.GrantSendOnBehalfTo);
        Assert.Equal("SMTP:finance-archive@mailbox-secure.example", Assert.Single(scenario.MailContacts).ExternalEmailAddress);
        Assert.Equal(["Sync", "Junk E-Mail Rule"], mailbox.InboxRules.Where(r => r.IsHidden).Select(r => r.DisplayName));
        Assert.Single(mailbox.Delegations, d => d.Trustee == "IT Support" && d.AccessRights.SequenceEqual(["FullAccess"]) && !d.IsInherited && !d.Deny);
        Assert.Single(mailbox.Delegations, d => d.Trustee == "IT Support" && d.AccessRights.SequenceEqual(["SendAs"]));
        Assert.Single(mailbox.Delegations, d => d.IsInherited);
        Assert.Single(mailbox.Delegations, d => d.Deny);
        Assert.Equal(["Reviewer"], mailbox.FolderPermissions.Single(p => p.FolderName == "Posteingang" && p.User == "Default").AccessRights);
        Assert.Equal(new ClientAccessRecord { ImapEnabled = true, PopEnabled = true, ActiveSyncEnabled = true, EwsEnabled = true }, mailbox.ClientAccess);
    }

    [Fact]
    public async Task The_service_accounts_without_a_mailbox_and_the_attackers_user_with_an_empty_one_answer_as_graph_does()
    {
        await using var server = await StartAsync();
        using var graph = Automation(server);

        var empty = await graph.GetAsync("users/it-support@fabrikam.onmicrosoft.com/mailFolders/inbox/messageRules");

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Empty((await GraphTestClient.JsonAsync(empty))["value"]!.AsArray());
    }

    [Fact]
    public async Task Nestors_aliases_are_his_proxy_addresses_so_forwarding_to_his_own_alias_can_be_told_apart()
    {
        await using var server = await StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var user = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Nestor}?$select=mail,proxyAddresses"));

        Assert.Equal(Nestor, (string?)user["mail"]);
        Assert.Contains("smtp:nestor.wilke@fabrikam.com", user["proxyAddresses"]!.AsArray().Select(a => (string?)a));
    }
}
