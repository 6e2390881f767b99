using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Graph's directoryAudit (CONTRACT §10; example 10-listDirectoryAudits, with the CSDL's lower-case "type").</summary>
internal static class DirectoryAuditProjection
{
    public const string EntitySet = "auditLogs/directoryAudits";

    public static readonly EntityProperties<DirectoryAuditRecord> Properties = new(
        "microsoft.graph.directoryAudit",
        ("id", a => a.Id),
        ("category", a => a.Category),
        ("correlationId", a => a.CorrelationId),
        ("result", a => a.Result),
        ("resultReason", a => a.ResultReason),
        ("activityDisplayName", a => a.ActivityDisplayName),
        ("activityDateTime", a => GraphTime.Format(a.ActivityDateTime)),
        ("loggedByService", a => a.LoggedByService),
        ("operationType", a => a.OperationType),
        ("initiatedBy", a => InitiatedBy(a.InitiatedBy)),
        ("targetResources", a => new JsonArray(a.TargetResources.Select(TargetResource).ToArray())),
        ("additionalDetails", a => new JsonArray(a.AdditionalDetails.Select(d => (JsonNode)new JsonObject { ["key"] = d.Key, ["value"] = d.Value }).ToArray())));

    private static JsonObject InitiatedBy(AuditActor actor) => new()
    {
        ["user"] = actor.User is { } user
            ? new JsonObject
            {
                ["id"] = user.Id,
                ["displayName"] = user.DisplayName,
                ["userPrincipalName"] = user.UserPrincipalName,
                ["ipAddress"] = user.IpAddress,
            }
            : null,
        ["app"] = actor.App is { } app
            ? new JsonObject
            {
                ["appId"] = app.AppId,
                ["displayName"] = app.DisplayName,
                ["servicePrincipalId"] = app.ServicePrincipalId,
                ["servicePrincipalName"] = app.ServicePrincipalName,
            }
            : null,
    };

    private static JsonNode TargetResource(AuditTargetResource target) => new JsonObject
    {
        ["id"] = target.Id,
        ["displayName"] = target.DisplayName,
        ["type"] = target.Type,
        ["userPrincipalName"] = target.UserPrincipalName,
        ["groupType"] = target.GroupType,
        ["modifiedProperties"] = new JsonArray(target.ModifiedProperties
            .Select(p => (JsonNode)new JsonObject { ["displayName"] = p.DisplayName, ["oldValue"] = p.OldValue, ["newValue"] = p.NewValue })
            .ToArray()),
    };
}
