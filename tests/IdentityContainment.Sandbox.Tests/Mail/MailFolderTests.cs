using System.Net;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>GET /users/{id}/mailFolders/{id or well-known name} and GET mailboxSettings (mailFolder, mailboxSettings pages; CSDL v1.0).</summary>
public sealed class MailFolderTests
{
    private const string RssFeedsId = "Y29udG9zby1hZGVsZS1yc3NmZWVkcw=";

    [Fact]
    public async Task A_rules_target_folder_resolves_by_id_to_its_name_with_the_v1_properties_only()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}/mailFolders/{RssFeedsId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var folder = await GraphTestClient.JsonAsync(response);
        Assert.Equal("RSS Feeds", (string?)folder["displayName"]);
        Assert.Equal(RssFeedsId, (string?)folder["id"]);
        Assert.False((bool)folder["isHidden"]!);
        Assert.Equal(0, (int)folder["childFolderCount"]!);
        Assert.NotNull((string?)folder["parentFolderId"]);
        Assert.False(folder.ContainsKey("wellKnownName"));
    }

    [Theory]
    [InlineData("inbox", "Inbox")]
    [InlineData("INBOX", "Inbox")]
    [InlineData("deleteditems", "Deleted Items")]
    [InlineData("junkemail", "Junk Email")]
    [InlineData("archive", "Archive")]
    [InlineData("conversationhistory", "Conversation History")]
    [InlineData("msgfolderroot", "Top of Information Store")]
    public async Task Well_known_names_reach_the_default_folders(string name, string displayName)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var folder = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/mailFolders/{name}"));

        Assert.Equal(displayName, (string?)folder["displayName"]);
    }

    [Fact]
    public async Task The_top_of_the_store_parents_the_users_own_folders()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var root = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/mailFolders/msgfolderroot"));
        var rss = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/mailFolders/{RssFeedsId}"));

        Assert.Equal((string?)root["id"], (string?)rss["parentFolderId"]);
        Assert.True((int)root["childFolderCount"]! >= 9);
    }

    [Theory]
    [InlineData("AAMkAGZvbGRlci10aGF0LWlzLW5vdC10aGVyZQ")]
    [InlineData("clutter")]
    public async Task A_folder_the_mailbox_does_not_have_is_404_error_item_not_found(string idOrName)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}/mailFolders/{idOrName}");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.NotFound, "ErrorItemNotFound");
    }

    [Fact]
    public async Task Folders_take_a_mail_permission_and_mail_read_basic_all_is_enough()
    {
        await using var server = await TestSandbox.StartAsync();
        using var basic = new GraphTestClient(server, Tokens.AutomationWith(server, "Mail.ReadBasic.All"));
        using var settingsOnly = new GraphTestClient(server, Tokens.AutomationWith(server, "MailboxSettings.Read"));

        Assert.Equal(HttpStatusCode.OK, (await basic.GetAsync($"users/{Known.AdeleUpn}/mailFolders/inbox")).StatusCode);
        await GraphAssert.ErrorAsync(await settingsOnly.GetAsync($"users/{Known.AdeleUpn}/mailFolders/inbox"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task Mailbox_settings_name_the_archive_folder_by_id()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var settings = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/mailboxSettings"));
        var archive = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/mailFolders/archive"));

        Assert.Equal((string?)archive["id"], (string?)settings["archiveFolder"]);
        Assert.Equal("en-US", (string?)settings["language"]!["locale"]);
        Assert.NotNull((string?)settings["timeZone"]);
        Assert.False(settings.ContainsKey("forwardingSmtpAddress"));
    }

    [Fact]
    public async Task Listing_folders_gives_the_top_level_ones_by_name_ten_a_page_without_hidden_ones()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync($"users/{Known.AdeleUpn}/mailFolders");
        var withHidden = await graph.PagesAsync($"users/{Known.AdeleUpn}/mailFolders?includeHiddenFolders=true");

        Assert.Equal([10], pages.Select(p => p.Length));
        Assert.Equal(["Archive", "Conversation History", "Deleted Items", "Drafts", "Inbox", "Junk Email", "Outbox", "RSS Feeds", "Sent Items", "Vendor Newsletters"],
            pages.SelectMany(p => p).Select(f => (string?)f["displayName"]));
        Assert.Equal([10, 2], withHidden.Select(p => p.Length));
        Assert.Contains(withHidden.SelectMany(p => p), f => (bool)f["isHidden"]!);
    }

    [Fact]
    public async Task Child_folders_of_a_folder_are_listed_under_it()
    {
        await using var server = await TestSandbox.StartAsync();
        var inbox = MailFolders.Find(server.Tenant.FindMailbox(Known.AdeleId)!, "inbox")!;
        server.Tenant.UpdateMailbox(Known.AdeleId, m => m with
        {
            Folders = [.. m.Folders, new MailFolderRecord { Id = "AAMkAGFkZWxlLWludm9pY2Vz", DisplayName = "Invoices", ParentFolderId = inbox.Id }],
        });
        using var graph = GraphTestClient.AsAutomation(server);

        var children = await graph.PagesAsync($"users/{Known.AdeleUpn}/mailFolders/inbox/childFolders");
        var inboxNow = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/mailFolders/inbox"));

        Assert.Equal(["Invoices"], children.SelectMany(p => p).Select(f => (string?)f["displayName"]));
        Assert.Equal(1, (int)inboxNow["childFolderCount"]!);
    }
}
