using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Graph's oAuth2PermissionGrant (CSDL v1.0, example 04-*) and the properties $filter takes on it.</summary>
internal static class PermissionGrantProjection
{
    public const string EntitySet = "oauth2PermissionGrants";

    public static readonly EntityProperties<PermissionGrantRecord> Properties = new(
        "microsoft.graph.oAuth2PermissionGrant",
        ("id", g => g.Id),
        ("clientId", g => g.ClientId),
        ("consentType", g => g.ConsentType),
        ("principalId", g => g.PrincipalId),
        ("resourceId", g => g.ResourceId),
        ("scope", g => g.Scope));

    /// <summary>
    /// CONTRACT §4: clientId and consentType take eq only (resource page; LEARN repeats "Supports $filter (eq only)").
    /// principalId eq and resourceId eq are INFERRED there ("also work in practice"); nothing else is filterable, and
    /// in, startswith, ne are refused. All four are Edm.String, compared with quoted values.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, FilterableProperty<PermissionGrantRecord>> Filterable =
        new Dictionary<string, FilterableProperty<PermissionGrantRecord>>(StringComparer.OrdinalIgnoreCase)
        {
            ["clientId"] = new(g => g.ClientId, FilterOperators.Eq, FilterValueType.String),
            ["consentType"] = new(g => g.ConsentType, FilterOperators.Eq, FilterValueType.String),
            ["principalId"] = new(g => g.PrincipalId, FilterOperators.Eq, FilterValueType.String),
            ["resourceId"] = new(g => g.ResourceId, FilterOperators.Eq, FilterValueType.String),
        };

    public static JsonObject Entity(PermissionGrantRecord grant, IReadOnlyList<string>? select)
    {
        var json = Properties.Project(grant, select);
        json.Insert(0, "@odata.context", GraphContext.Entity(EntitySet, select));
        return json;
    }
}
