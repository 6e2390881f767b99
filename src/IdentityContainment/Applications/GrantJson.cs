using System.Text.Json.Nodes;
using IdentityContainment.Detection.OAuth;
using static IdentityContainment.Graph.GraphJson;

namespace IdentityContainment.Applications;

/// <summary>A delegated grant as Graph holds it (an oauth2PermissionGrant); the JSON is kept whole as the before-image.</summary>
public sealed record DelegatedGrant(string Id, string ClientId, string? ConsentType, string? PrincipalId, string ResourceId, IReadOnlyList<string> Scopes, JsonNode Json);

/// <summary>An app role assignment as Graph holds it: an application permission when its principal is a service principal.</summary>
public sealed record AppRoleGrant(string Id, string AppRoleId, string PrincipalId, string? PrincipalType, string? PrincipalDisplayName, string ResourceId, DateTimeOffset? CreatedDateTime, JsonNode Json)
{
    /// <summary>The all-zero role id: access to the app itself, no named permission (CONTRACT §5).</summary>
    public bool IsDefaultAccess => Guid.TryParse(AppRoleId, out Guid role) && role == Guid.Empty;
}

/// <summary>Reads grant and assignment JSON; null for an entry that lacks what identifies it.</summary>
internal static class GrantJson
{
    public const string GrantSelect = "id,clientId,consentType,principalId,resourceId,scope";

    public static DelegatedGrant? Grant(JsonNode node) =>
        Text(node, "id") is { } id && Text(node, "clientId") is { } client && Text(node, "resourceId") is { } resource
            ? new DelegatedGrant(id, client, Text(node, "consentType"), Text(node, "principalId"), resource, PermissionCatalogue.SplitScopes(Text(node, "scope")), node)
            : null;

    public static AppRoleGrant? Assignment(JsonNode node) =>
        Text(node, "id") is { } id && Text(node, "principalId") is { } principal && Text(node, "resourceId") is { } resource
            ? new AppRoleGrant(id, Text(node, "appRoleId") ?? Guid.Empty.ToString(), principal, Text(node, "principalType"), Text(node, "principalDisplayName"), resource, Time(node, "createdDateTime"), node)
            : null;
}
