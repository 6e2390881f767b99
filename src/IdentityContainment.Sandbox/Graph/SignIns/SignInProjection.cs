using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Graph's v1.0 signIn (CONTRACT §9 field list; example 09-listSignIns). Beta-only fields (sessionId...) are not served.</summary>
internal static class SignInProjection
{
    public const string EntitySet = "auditLogs/signIns";

    public static readonly EntityProperties<SignInRecord> Properties = new(
        "microsoft.graph.signIn",
        ("id", s => s.Id),
        ("createdDateTime", s => GraphTime.Format(s.CreatedDateTime)),
        ("userDisplayName", s => s.UserDisplayName),
        ("userPrincipalName", s => s.UserPrincipalName),
        ("userId", s => s.UserId),
        ("appId", s => s.AppId),
        ("appDisplayName", s => s.AppDisplayName),
        ("ipAddress", s => s.IpAddress),
        ("clientAppUsed", s => s.ClientAppUsed),
        ("userAgent", s => s.UserAgent),
        ("correlationId", s => s.CorrelationId),
        ("conditionalAccessStatus", s => s.ConditionalAccessStatus),
        ("isInteractive", s => s.IsInteractive),
        ("riskDetail", s => s.RiskDetail),
        ("riskLevelAggregated", s => s.RiskLevelAggregated),
        ("riskLevelDuringSignIn", s => s.RiskLevelDuringSignIn),
        ("riskState", s => s.RiskState),
        ("riskEventTypes", s => new JsonArray(s.RiskEventTypes.Select(t => (JsonNode?)t).ToArray())),
        ("resourceDisplayName", s => s.ResourceDisplayName),
        ("resourceId", s => s.ResourceId),
        ("status", s => new JsonObject
        {
            ["errorCode"] = s.Status.ErrorCode,
            ["failureReason"] = s.Status.FailureReason,
            ["additionalDetails"] = s.Status.AdditionalDetails,
        }),
        ("deviceDetail", s => new JsonObject
        {
            ["deviceId"] = s.DeviceDetail.DeviceId,
            ["displayName"] = s.DeviceDetail.DisplayName,
            ["operatingSystem"] = s.DeviceDetail.OperatingSystem,
            ["browser"] = s.DeviceDetail.Browser,
            ["isCompliant"] = s.DeviceDetail.IsCompliant,
            ["isManaged"] = s.DeviceDetail.IsManaged,
            ["trustType"] = s.DeviceDetail.TrustType,
        }),
        ("location", s => new JsonObject
        {
            ["city"] = s.Location.City,
            ["state"] = s.Location.State,
            ["countryOrRegion"] = s.Location.CountryOrRegion,
            ["geoCoordinates"] = s.Location.GeoCoordinates is { } geo
                ? new JsonObject { ["altitude"] = geo.Altitude, ["latitude"] = geo.Latitude, ["longitude"] = geo.Longitude }
                : null,
        }),
        ("appliedConditionalAccessPolicies", _ => new JsonArray()));
}
