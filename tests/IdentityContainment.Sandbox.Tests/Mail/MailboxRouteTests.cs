using System.Net;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>What every mail route answers for a user without a mailbox, or no user at all (CONTRACT §0, §6).</summary>
public sealed class MailboxRouteTests
{
    private const string NoMailboxUpn = "svc-backup@contoso.com";

    public static TheoryData<string, string> MailRoutes => new()
    {
        { "GET", "mailFolders/inbox/messageRules" },
        { "GET", "mailFolders/inbox/messageRules/AQAAAJ5dZhE=" },
        { "PATCH", "mailFolders/inbox/messageRules/AQAAAJ5dZhE=" },
        { "DELETE", "mailFolders/inbox/messageRules/AQAAAJ5dZhE=" },
        { "GET", "mailFolders/inbox" },
        { "GET", "mailFolders" },
        { "GET", "mailFolders/inbox/childFolders" },
        { "GET", "mailboxSettings" },
    };

    [Theory]
    [MemberData(nameof(MailRoutes))]
    public async Task A_user_without_a_mailbox_gets_404_mailbox_not_enabled_for_rest_api(string method, string route)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.SendAsync(Request(method, $"users/{NoMailboxUpn}/{route}"));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.NotFound, "MailboxNotEnabledForRESTAPI",
            "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
    }

    [Theory]
    [MemberData(nameof(MailRoutes))]
    public async Task An_unknown_user_gets_404_error_invalid_user(string method, string route)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.SendAsync(Request(method, $"users/nobody@contoso.com/{route}"));

        await GraphAssert.ErrorAsync(response, HttpStatusCode.NotFound, "ErrorInvalidUser", "The requested user 'nobody@contoso.com' is invalid.");
    }

    [Fact]
    public async Task A_mailbox_with_no_rules_lists_none()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync("users/leeg@contoso.com/mailFolders/inbox/messageRules");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await GraphTestClient.JsonAsync(response))["value"]!.AsArray());
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), "v1.0/" + path)
    {
        Content = method == "PATCH" ? new StringContent("""{"isEnabled":false}""", System.Text.Encoding.UTF8, "application/json") : null,
    };
}
