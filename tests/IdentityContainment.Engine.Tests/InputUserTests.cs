using IdentityContainment.Pipeline;

namespace IdentityContainment.Engine.Tests;

/// <summary>Which user a piped object names, for objects shaped as the cmdlets that make them write them.</summary>
public sealed class InputUserTests
{
    private const string EntraId = "6f1c0f7e-3b2a-4c59-9d1e-2a8b7c6d5e4f";

    public static TheoryData<string, Dictionary<string, string>, string?> Objects => new()
    {
        // This module's own results and findings carry UserId.
        { "ContainmentAction", new() { ["UserId"] = EntraId, ["UserPrincipalName"] = "adele@contoso.com" }, EntraId },

        // Get-EXOMailbox: the Entra id wins over Exchange's display Identity and the UPN.
        { "Mailbox", new() { ["Identity"] = "Adele Vance", ["ExternalDirectoryObjectId"] = EntraId, ["UserPrincipalName"] = "adele@contoso.com" }, EntraId },

        // Get-MgUser: Id is the object id.
        { "MicrosoftGraphUser", new() { ["Id"] = EntraId, ["UserPrincipalName"] = "adele@contoso.com" }, EntraId },

        // Get-MgUser without Id selected, and AzureAD objects.
        { "MicrosoftGraphUser", new() { ["UserPrincipalName"] = "adele@contoso.com" }, "adele@contoso.com" },
        { "DirectoryObject", new() { ["ObjectId"] = EntraId }, EntraId },

        // Get-InboxRule: the rule's own Identity is not the user; its MailboxOwnerId is, when it is an id or a UPN.
        { "InboxRule", new() { ["Identity"] = "adele\\1234567890", ["MailboxOwnerId"] = "adele@contoso.com" }, "adele@contoso.com" },
        { "InboxRule", new() { ["Identity"] = "x\\1", ["MailboxOwnerId"] = EntraId }, EntraId },

        // Near misses: a display identity names nobody Graph knows; an Exchange Id that is not a GUID is passed on to be refused.
        { "InboxRule", new() { ["Identity"] = "Adele Vance\\1234567890", ["MailboxOwnerId"] = "Adele Vance" }, null },
        { "Recipient", new() { ["Id"] = "Adele Vance" }, "Adele Vance" },
        { "Empty", new(), null },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void An_object_names_its_user_by_the_first_id_that_Graph_knows(string typeName, Dictionary<string, string> properties, string? expected)
    {
        Assert.Equal(expected, InputUser.IdOf(name => properties.TryGetValue(name, out string? value) ? value : null));
        _ = typeName; // names the case in the test list only
    }

    [Fact]
    public void An_inbox_rule_naming_its_mailbox_by_display_name_is_refused_with_what_to_pipe_instead()
    {
        var rule = new Dictionary<string, string> { ["Identity"] = "Adele Vance\\1234567890", ["MailboxOwnerId"] = "Adele Vance" };

        string why = InputUser.WhyNone(name => rule.TryGetValue(name, out string? value) ? value : null, "InboxRule");

        Assert.Contains("'Adele Vance'", why, StringComparison.Ordinal);
        Assert.Contains("Get-EXOMailbox", why, StringComparison.Ordinal);
    }
}
