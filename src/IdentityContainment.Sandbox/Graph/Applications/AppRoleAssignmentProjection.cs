using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Graph's appRoleAssignment (CSDL v1.0; examples 05-*), and what $filter takes on it.</summary>
internal static class AppRoleAssignmentProjection
{
    public const string EntitySet = "appRoleAssignments";

    public static readonly EntityProperties<AppRoleAssignmentRecord> Properties = new(
        "microsoft.graph.appRoleAssignment",
        ("id", a => a.Id),
        ("deletedDateTime", _ => null),
        ("appRoleId", a => a.AppRoleId),
        ("createdDateTime", a => a.CreatedDateTime is { } created ? GraphTime.Format(created) : null),
        ("principalDisplayName", a => a.PrincipalDisplayName),
        ("principalId", a => a.PrincipalId),
        ("principalType", a => a.PrincipalType),
        ("resourceDisplayName", a => a.ResourceDisplayName),
        ("resourceId", a => a.ResourceId));

    /// <summary>
    /// CONTRACT §5: "$filter=resourceId eq {guid} takes an unquoted GUID" (user-list-approleassignments); principalId is
    /// the same Edm.Guid type and its eq is INFERRED to work alike. A quoted value is a type mismatch (400).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, FilterableProperty<AppRoleAssignmentRecord>> Filterable =
        new Dictionary<string, FilterableProperty<AppRoleAssignmentRecord>>(StringComparer.OrdinalIgnoreCase)
        {
            ["resourceId"] = new(a => a.ResourceId, FilterOperators.Eq, FilterValueType.Guid),
            ["principalId"] = new(a => a.PrincipalId, FilterOperators.Eq, FilterValueType.Guid),
        };

    public static JsonObject Entity(AppRoleAssignmentRecord assignment, string entitySet)
    {
        var json = Properties.Project(assignment, null);
        json.Insert(0, "@odata.context", GraphContext.Entity(entitySet, null));
        return json;
    }
}
