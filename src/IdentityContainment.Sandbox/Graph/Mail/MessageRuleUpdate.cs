using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The body of PATCH .../messageRules/{id}: "supply the values for relevant fields that should be updated" (messagerule-update
/// page). Its writable properties are displayName, sequence, isEnabled, conditions, exceptions and actions; id, hasError and
/// isReadOnly are read-only (messageRule resource: hasError "read-only"; isReadOnly says whether the API may change the rule),
/// and the sandbox refuses a body that tries to set one rather than silently ignore it.
/// </summary>
internal static class MessageRuleUpdate
{
    private static readonly string[] ReadOnly = ["id", "hasError", "isReadOnly"];

    public static (InboxRuleRecord? Rule, GraphResponse? Error) Apply(string? body, InboxRuleRecord rule, DateTimeOffset now)
    {
        var json = JsonBody.ParseObject(body);
        if (json is null)
            return (null, GraphResponse.UnreadableBody());
        var options = SandboxJson.ForScenario(now);
        var updated = rule;
        foreach (var (name, value) in json)
        {
            if (name.StartsWith("@odata.", StringComparison.Ordinal))
                continue;
            if (ReadOnly.Contains(name, StringComparer.Ordinal))
                return (null, Invalid($"The property '{name}' is read-only and cannot be set."));
            try
            {
                updated = name switch
                {
                    "displayName" when Text(value) is { Length: > 0 } text => updated with { DisplayName = text },
                    "sequence" when value is JsonValue v && v.TryGetValue<int>(out var sequence) && sequence >= 0 => updated with { Sequence = sequence },
                    "isEnabled" when value is JsonValue v && v.TryGetValue<bool>(out var enabled) => updated with { IsEnabled = enabled },
                    "conditions" => updated with { Conditions = value?.Deserialize<MessageRulePredicates>(options) },
                    "exceptions" => updated with { Exceptions = value?.Deserialize<MessageRulePredicates>(options) },
                    "actions" => updated with { Actions = value?.Deserialize<MessageRuleActions>(options) },
                    "displayName" or "sequence" or "isEnabled" => throw new JsonException(),
                    // OData's answer for a property the type does not declare.
                    _ => throw new UnknownPropertyException(name),
                };
            }
            catch (UnknownPropertyException)
            {
                return (null, GraphResponse.Error(400, "RequestBodyRead",
                    $"The property '{name}' does not exist on type 'microsoft.graph.messageRule'. Make sure to only use property names that are defined by the type."));
            }
            catch (JsonException)
            {
                return (null, Invalid($"The value of '{name}' is not valid for a messageRule."));
            }
        }
        return (updated, null);
    }

    // The exact code Outlook gives for these is not documented (INFERRED): a 400 the client cannot mistake for success.
    private static GraphResponse Invalid(string message) => GraphResponse.Error(400, "ErrorInvalidRequest", message);

    private static string? Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private sealed class UnknownPropertyException(string name) : Exception(name);
}
