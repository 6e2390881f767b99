using System.Management.Automation;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

/// <summary>
/// Objects shaped as a live Exchange Online session hands them over: Exchange's type names, real bools, collections,
/// and Exchange's own value types, which here are stood in for by <see cref="ExchangeTypedValue"/>: a value whose
/// ToString is the text Exchange shows (an ADObjectId shows the recipient's name, a ProxyAddress "smtp:x@y").
/// </summary>
internal static class LiveExchangeObjects
{
    public static PSObject Object(string[] typeNames, params (string Name, object? Value)[] properties)
    {
        var item = new PSObject();
        item.TypeNames.Clear();
        foreach (string typeName in typeNames)
        {
            item.TypeNames.Add(typeName);
        }

        foreach ((string name, object? value) in properties)
        {
            item.Properties.Add(new PSNoteProperty(name, value));
        }

        return item;
    }

    public static readonly string[] InboxRuleTypes = ["Microsoft.Exchange.Management.Common.InboxRule", "Microsoft.Exchange.Data.ConfigurableObject", "System.Object"];

    public static readonly string[] MailboxTypes = ["Microsoft.Exchange.Data.Directory.Management.Mailbox", "System.Object"];

    public static readonly string[] ExoMailboxTypes = ["Microsoft.Exchange.Management.RestApiClient.ExoMailbox", "System.Object"];

    public static readonly string[] CasMailboxTypes = ["Microsoft.Exchange.Data.Directory.Management.CASMailbox", "System.Object"];

    public static readonly string[] MailboxPermissionTypes = ["Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject", "System.Object"];

    public static readonly string[] RecipientPermissionTypes = ["Microsoft.Exchange.Data.Directory.Permission.RecipientPermission", "System.Object"];

    public static readonly string[] FolderPermissionTypes = ["Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission", "System.Object"];

    /// <summary>A live Get-InboxRule object with every action property present (null unless given).</summary>
    public static PSObject InboxRule(string name, params (string Name, object? Value)[] overrides)
    {
        var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Identity"] = "Nestor Wilke\\5764607523034234999",
            ["MailboxOwnerId"] = "Nestor Wilke",
            ["Name"] = name,
            ["Enabled"] = true,
            ["ForwardTo"] = null,
            ["RedirectTo"] = null,
            ["ForwardAsAttachmentTo"] = null,
            ["DeleteMessage"] = false,
            ["SoftDeleteMessage"] = false,
            ["MoveToFolder"] = null,
            ["CopyToFolder"] = null,
            ["MarkAsRead"] = false,
            ["StopProcessingRules"] = false,
        };
        foreach ((string key, object? value) in overrides)
        {
            properties[key] = value;
        }

        return Object(InboxRuleTypes, properties.Select(pair => (pair.Key, pair.Value)).ToArray());
    }
}

/// <summary>Stands in for Exchange's value types (ADObjectId, ProxyAddress, SmtpAddress): only its text is ever read.</summary>
internal sealed class ExchangeTypedValue(string shown)
{
    public override string ToString() => shown;
}
