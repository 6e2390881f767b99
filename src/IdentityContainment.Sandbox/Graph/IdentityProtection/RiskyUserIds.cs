using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>The {"userIds":[...]} body of confirmCompromised and dismiss.</summary>
internal static class RiskyUserIds
{
    /// <summary>The ids, or the 400 for a body that is not that shape.</summary>
    /// <remarks>
    /// The error texts are ours: the documentation gives none for these actions. Ids must be GUIDs
    /// (riskyUser ids are user object ids), so a caller that passes user principal names learns it at
    /// once instead of silently changing nothing.
    /// </remarks>
    public static (IReadOnlyList<string>? Ids, GraphResponse? Error) Read(string? body)
    {
        var json = JsonBody.ParseObject(body);
        if (json is null)
            return (null, GraphResponse.UnreadableBody());
        var unknown = json.Select(p => p.Key).FirstOrDefault(k => k != "userIds" && !k.StartsWith("@odata.", StringComparison.Ordinal));
        if (unknown is not null)
            return (null, GraphResponse.Error(400, "BadRequest", $"The parameter '{unknown}' in the request payload is not a valid parameter for the operation."));
        if (json["userIds"] is not JsonArray array || array.Count == 0)
            return (null, GraphResponse.Error(400, "BadRequest", "The request body must contain 'userIds': a non-empty array of user object ids."));
        var ids = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var id) || !Guid.TryParse(id, out _))
                return (null, GraphResponse.Error(400, "BadRequest", $"Invalid user id '{item?.ToJsonString()}': userIds takes user object ids (GUIDs)."));
            ids.Add(id);
        }
        return (ids, null);
    }
}
