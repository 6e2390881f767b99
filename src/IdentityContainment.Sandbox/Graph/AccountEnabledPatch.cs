using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// A PATCH body that may change accountEnabled only (devices, service principals): the value it asks for (null: nothing
/// to change), or the 400 for a body that is not JSON, a value that is not a boolean, a property the type does not
/// have, or one the sandbox does not update.
/// </summary>
internal static class AccountEnabledPatch
{
    public static (bool? AccountEnabled, GraphResponse? Error) Read(string? body, IReadOnlyList<string> declaredProperties, string what)
    {
        var json = JsonBody.ParseObject(body);
        if (json is null)
            return (null, GraphResponse.UnreadableBody());
        bool? accountEnabled = null;
        foreach (var (name, value) in json)
        {
            if (name.StartsWith("@odata.", StringComparison.Ordinal))
                continue;
            if (string.Equals(name, "accountEnabled", StringComparison.OrdinalIgnoreCase))
            {
                if (value is not JsonValue v || !v.TryGetValue<bool>(out var enabled))
                    return (null, GraphResponse.Error(400, "BadRequest",
                        $"Cannot convert the literal '{value?.ToJsonString()}' to the expected type 'Edm.Boolean' for property 'accountEnabled'."));
                accountEnabled = enabled;
                continue;
            }
            return (null, declaredProperties.Contains(name, StringComparer.OrdinalIgnoreCase)
                ? GraphResponse.Error(400, "Request_BadRequest", $"The sandbox does not implement updating '{name}' on {what}.")
                : GraphResponse.Error(400, "Request_BadRequest", $"Property '{name}' does not exist as a declared property or extension property."));
        }
        return (accountEnabled, null);
    }
}
