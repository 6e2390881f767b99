using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Graph's messageRule (CONTRACT §6, examples 06-*): unset predicates and actions are left out, as in the docs' examples.</summary>
internal static class MessageRuleProjection
{
    public static readonly EntityProperties<InboxRuleRecord> Properties = new(
        "microsoft.graph.messageRule",
        ("id", r => r.Id),
        ("displayName", r => r.DisplayName),
        ("sequence", r => r.Sequence),
        ("isEnabled", r => r.IsEnabled),
        ("hasError", r => r.HasError),
        ("isReadOnly", r => r.IsReadOnly),
        ("conditions", r => Shape(r.Conditions)),
        ("exceptions", r => Shape(r.Exceptions)),
        ("actions", r => Shape(r.Actions)));

    /// <summary>The @odata.context of the user's inbox rules: users('{id}')/mailFolders('inbox')/messageRules.</summary>
    public static string EntitySet(UserRecord user) => $"users('{user.Id}')/mailFolders('inbox')/messageRules";

    /// <summary>One rule with its context, or the rule as a collection item (no context).</summary>
    public static JsonObject Entity(UserRecord user, InboxRuleRecord rule, IReadOnlyList<string>? select)
    {
        var json = Item(rule, select);
        json.Insert(0, "@odata.context", GraphContext.Entity(EntitySet(user), select));
        return json;
    }

    public static JsonObject Item(InboxRuleRecord rule, IReadOnlyList<string>? select)
    {
        var json = Properties.Project(rule, select);
        foreach (var name in new[] { "conditions", "exceptions", "actions" })
            if (json.ContainsKey(name) && json[name] is null)
                json.Remove(name);
        return json;
    }

    private static JsonNode? Shape<T>(T? value) where T : class =>
        value is null ? null : JsonSerializer.SerializeToNode(value, SandboxJson.Output);
}
