using System.Text.Json.Nodes;
using IdentityContainment.Detection.Mailbox;
using static IdentityContainment.Graph.GraphJson;

namespace IdentityContainment.Mailboxes.Graph;

/// <summary>
/// Reads Graph's messageRule (CONTRACT §6: messageRulePredicates and messageRuleActions; properties not set are left out
/// of the response) into the facts the inbox rule table judges, with its folders already resolved.
/// </summary>
internal static class MessageRuleJson
{
    /// <summary>The string conditions a rule matches on; exceptions are left out, they narrow a rule rather than aim it.</summary>
    private static readonly string[] WordConditions =
    {
        "subjectContains", "bodyContains", "bodyOrSubjectContains", "headerContains", "senderContains", "recipientContains",
    };

    private static readonly string[] AddressConditions = { "fromAddresses", "sentToAddresses" };

    /// <summary>The folder ids a rule moves or copies mail to.</summary>
    public static IEnumerable<string> FolderIds(JsonNode rule)
    {
        JsonNode? actions = Property(rule, "actions");
        foreach (string property in new[] { "moveToFolder", "copyToFolder" })
        {
            if (Text(actions, property) is { Length: > 0 } id)
            {
                yield return id;
            }
        }
    }

    public static InboxRuleFacts Read(JsonNode rule, MailboxOwner owner, IReadOnlyDictionary<string, RuleFolder> folders, MailDomains domains)
    {
        JsonNode? actions = Property(rule, "actions");
        JsonNode? conditions = Property(rule, "conditions");
        return new InboxRuleFacts
        {
            Mailbox = owner.Mailbox,
            UserId = owner.UserId,
            Identity = Text(rule, "id") ?? string.Empty,
            Name = Text(rule, "displayName") ?? string.Empty,
            Enabled = Flag(rule, "isEnabled") ?? true,
            Source = MailboxFindingSources.Graph,
            ForwardTo = Addresses(actions, "forwardTo"),
            RedirectTo = Addresses(actions, "redirectTo"),
            ForwardAsAttachmentTo = Addresses(actions, "forwardAsAttachmentTo"),
            Delete = Flag(actions, "delete") == true,
            PermanentDelete = Flag(actions, "permanentDelete") == true,
            MoveToFolder = Folder(actions, "moveToFolder", folders),
            CopyToFolder = Folder(actions, "copyToFolder", folders),
            MarkAsRead = Flag(actions, "markAsRead") == true,
            StopProcessingRules = Flag(actions, "stopProcessingRules") == true,
            ConditionWords = WordConditions.SelectMany(c => Texts(conditions, c)).ToArray(),
            ConditionAddresses = AddressConditions.SelectMany(c => Addresses(conditions, c)).ToArray(),
            Domains = domains,
            OwnerAddresses = owner.Addresses,
            BeforeImage = rule.ToJsonString(),
        };
    }

    /// <summary>The addresses of a recipient collection: [{"emailAddress":{"name","address"}}].</summary>
    private static IReadOnlyList<string> Addresses(JsonNode? node, string property) =>
        Objects(node, property).Select(r => Text(Property(r, "emailAddress"), "address")).OfType<string>().Where(a => a.Length > 0).ToArray();

    /// <summary>The resolved folder; a folder that could not be read keeps its id and no name.</summary>
    private static RuleFolder? Folder(JsonNode? actions, string property, IReadOnlyDictionary<string, RuleFolder> folders) =>
        Text(actions, property) is { Length: > 0 } id
            ? folders.TryGetValue(id, out RuleFolder? folder) ? folder : new RuleFolder { Id = id }
            : null;
}
