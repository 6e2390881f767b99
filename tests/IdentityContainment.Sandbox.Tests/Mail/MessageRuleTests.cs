using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>GET, PATCH and DELETE /users/{id}/mailFolders/inbox/messageRules (CONTRACT §6), against aitm-bec's mailboxes.</summary>
public sealed class MessageRuleTests
{
    private const string ForwardRuleId = "AQAAAJ5dZhE=";
    private const string HideRuleId = "AQAAAJ5dZhI=";
    private static string Rules(string user) => $"users/{user}/mailFolders/inbox/messageRules";

    /// <summary>Changes one of Adele's rules in the tenant directly, as the scenario could have planted it.</summary>
    private static void Plant(SandboxServer server, string ruleId, Func<InboxRuleRecord, InboxRuleRecord> change) =>
        server.Tenant.UpdateMailbox(Known.AdeleId, m => m with { InboxRules = m.InboxRules.Select(r => r.Id == ruleId ? change(r) : r).ToArray() });

    [Fact]
    public async Task Lists_the_users_rules_in_graphs_shape_leaving_unset_properties_out()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync(Rules(Known.AdeleUpn));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await GraphTestClient.JsonAsync(response);
        Assert.Equal($"https://graph.microsoft.com/v1.0/$metadata#users('{Known.AdeleId}')/mailFolders('inbox')/messageRules", (string?)body["@odata.context"]);
        var rules = body["value"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        Assert.Equal([".", "..", "Vendor newsletters", "From my manager"], rules.Select(r => (string?)r["displayName"]));
        var hide = rules[1];
        Assert.Equal(HideRuleId, (string?)hide["id"]);
        Assert.Equal(2, (int)hide["sequence"]!);
        Assert.True((bool)hide["isEnabled"]!);
        Assert.False((bool)hide["hasError"]!);
        Assert.False((bool)hide["isReadOnly"]!);
        Assert.Equal("Y29udG9zby1hZGVsZS1yc3NmZWVkcw=", (string?)hide["actions"]!["moveToFolder"]);
        Assert.True((bool)hide["actions"]!["markAsRead"]!);
        Assert.Null(hide["actions"]!["forwardTo"]);
        Assert.False(hide.ContainsKey("exceptions"));
        Assert.False(rules[0].ContainsKey("conditions"));
        Assert.Equal("ap.archive@securemail-relay.example", (string?)rules[0]["actions"]!["forwardTo"]![0]!["emailAddress"]!["address"]);
    }

    [Fact]
    public async Task The_list_pages_and_a_client_following_next_links_sees_every_rule_once()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var pages = await graph.PagesAsync(Rules(Known.AdeleUpn) + "?$top=3&$select=id,displayName");

        Assert.Equal([3, 1], pages.Select(p => p.Length));
        Assert.Equal([ForwardRuleId, HideRuleId, "AQAAAJ5dZqE=", "AQAAAJ5dZqI="], pages.SelectMany(p => p).Select(r => (string?)r["id"]));
        Assert.All(pages.SelectMany(p => p), r => Assert.Equal(["id", "displayName"], r.Select(p => p.Key)));
    }

    [Fact]
    public async Task A_filter_on_rules_is_refused_not_ignored()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync(Rules(Known.AdeleUpn) + "?$filter=isEnabled eq true");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Gets_one_rule_by_id_and_a_missing_one_is_404_error_item_not_found()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var found = await graph.GetAsync($"{Rules(Known.AdeleId)}/{ForwardRuleId}");
        var missing = await graph.GetAsync($"{Rules(Known.AdeleId)}/AQAAAJ5dZZZ=");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var rule = await GraphTestClient.JsonAsync(found);
        Assert.Equal(".", (string?)rule["displayName"]);
        Assert.EndsWith("/messageRules/$entity", (string?)rule["@odata.context"]);
        await GraphAssert.ErrorAsync(missing, HttpStatusCode.NotFound, "ErrorItemNotFound");
    }

    [Fact]
    public async Task Delete_answers_204_and_the_rule_is_gone_from_the_mailbox()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var deleted = await graph.DeleteAsync($"{Rules(Known.AdeleUpn)}/{ForwardRuleId}");
        var again = await graph.DeleteAsync($"{Rules(Known.AdeleUpn)}/{ForwardRuleId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("", await deleted.Content.ReadAsStringAsync());
        await GraphAssert.ErrorAsync(again, HttpStatusCode.NotFound, "ErrorItemNotFound");
        Assert.DoesNotContain(server.Tenant.FindMailbox(Known.AdeleId)!.InboxRules, r => r.Id == ForwardRuleId);
        Assert.Equal(3, server.Tenant.FindMailbox(Known.AdeleId)!.InboxRules.Count);
    }

    [Fact]
    public async Task Patch_is_enabled_false_turns_the_rule_off_and_answers_the_updated_rule()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.PatchAsync($"{Rules(Known.AdeleUpn)}/{HideRuleId}", """{"isEnabled":false}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rule = await GraphTestClient.JsonAsync(response);
        Assert.False((bool)rule["isEnabled"]!);
        Assert.Equal("..", (string?)rule["displayName"]);
        Assert.Equal("Y29udG9zby1hZGVsZS1yc3NmZWVkcw=", (string?)rule["actions"]!["moveToFolder"]);
        Assert.False(server.Tenant.FindMailbox(Known.AdeleId)!.InboxRules.Single(r => r.Id == HideRuleId).IsEnabled);
    }

    [Theory]
    [InlineData("""{"hasError":true}""")]
    [InlineData("""{"isReadOnly":true}""")]
    [InlineData("""{"id":"AQAAAJ5dZZZ="}""")]
    [InlineData("""{"isEnabled":"no"}""")]
    [InlineData("""{"actions":{"forwardTo":"nobody"}}""")]
    [InlineData("""{"actions":{"teleport":true}}""")]
    [InlineData("""{"colour":"red"}""")]
    [InlineData("not json")]
    public async Task Patch_refuses_read_only_unknown_and_ill_typed_properties_and_changes_nothing(string body)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var before = server.Tenant.FindMailbox(Known.AdeleId)!.InboxRules.Single(r => r.Id == HideRuleId);

        var response = await graph.PatchAsync($"{Rules(Known.AdeleUpn)}/{HideRuleId}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Same(before, server.Tenant.FindMailbox(Known.AdeleId)!.InboxRules.Single(r => r.Id == HideRuleId));
    }

    [Fact]
    public async Task A_read_only_rule_can_be_neither_changed_nor_deleted()
    {
        await using var server = await TestSandbox.StartAsync();
        Plant(server, ForwardRuleId, r => r with { IsReadOnly = true });
        using var graph = GraphTestClient.AsAutomation(server);

        var patched = await graph.PatchAsync($"{Rules(Known.AdeleUpn)}/{ForwardRuleId}", """{"isEnabled":false}""");
        var deleted = await graph.DeleteAsync($"{Rules(Known.AdeleUpn)}/{ForwardRuleId}");

        await GraphAssert.ErrorAsync(patched, HttpStatusCode.Forbidden, "ErrorAccessDenied");
        await GraphAssert.ErrorAsync(deleted, HttpStatusCode.Forbidden, "ErrorAccessDenied");
        Assert.True(server.Tenant.FindMailbox(Known.AdeleId)!.InboxRules.Single(r => r.Id == ForwardRuleId).IsEnabled);
    }

    [Fact]
    public async Task A_hidden_rule_is_neither_listed_nor_found_by_id()
    {
        await using var server = await TestSandbox.StartAsync();
        Plant(server, ForwardRuleId, r => r with { IsHidden = true });
        using var graph = GraphTestClient.AsAutomation(server);

        var list = await GraphTestClient.JsonAsync(await graph.GetAsync(Rules(Known.AdeleUpn)));
        var byId = await graph.GetAsync($"{Rules(Known.AdeleUpn)}/{ForwardRuleId}");
        var delete = await graph.DeleteAsync($"{Rules(Known.AdeleUpn)}/{ForwardRuleId}");

        Assert.DoesNotContain(list["value"]!.AsArray(), r => (string?)r!["id"] == ForwardRuleId);
        await GraphAssert.ErrorAsync(byId, HttpStatusCode.NotFound, "ErrorItemNotFound");
        await GraphAssert.ErrorAsync(delete, HttpStatusCode.NotFound, "ErrorItemNotFound");
        Assert.Contains(server.Tenant.FindMailbox(Known.AdeleId)!.InboxRules, r => r.Id == ForwardRuleId);
    }

    [Fact]
    public async Task Reading_takes_mailbox_settings_read_and_writing_takes_read_write()
    {
        await using var server = await TestSandbox.StartAsync();
        var readOnly = Tokens.AutomationWith(server, "MailboxSettings.Read");
        using var reader = new GraphTestClient(server, readOnly);
        using var directoryOnly = new GraphTestClient(server, Tokens.Reporter(server));

        var read = await reader.GetAsync(Rules(Known.AdeleUpn));
        var write = await reader.PatchAsync($"{Rules(Known.AdeleUpn)}/{HideRuleId}", """{"isEnabled":false}""");
        var delete = await reader.DeleteAsync($"{Rules(Known.AdeleUpn)}/{HideRuleId}");
        var noMailPermission = await directoryOnly.GetAsync(Rules(Known.AdeleUpn));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await GraphAssert.ErrorAsync(write, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        await GraphAssert.ErrorAsync(delete, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        await GraphAssert.ErrorAsync(noMailPermission, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.True(server.Tenant.FindMailbox(Known.AdeleId)!.InboxRules.Single(r => r.Id == HideRuleId).IsEnabled);
    }

    [Fact]
    public async Task A_delegated_caller_reads_its_own_rules_but_not_another_users()
    {
        await using var server = await TestSandbox.StartAsync();
        using var adele = new GraphTestClient(server, Tokens.Delegated(server, Known.AdeleUpn, "MailboxSettings.Read"));

        var own = await adele.GetAsync("me/mailFolders/inbox/messageRules");
        var other = await adele.GetAsync(Rules(Known.AlexUpn));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(4, (await GraphTestClient.JsonAsync(own))["value"]!.AsArray().Count);
        await GraphAssert.ErrorAsync(other, HttpStatusCode.Forbidden, "ErrorAccessDenied");
    }
}
