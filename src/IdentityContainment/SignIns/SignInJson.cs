using System.Text.Json.Nodes;
using IdentityContainment.Detection.SignIns;
using static IdentityContainment.Graph.GraphJson;

namespace IdentityContainment.SignIns;

/// <summary>Reads Graph's signIn (v1.0 CSDL: status, deviceDetail, location with geoCoordinates) into the facts the rules judge.</summary>
public static class SignInJson
{
    /// <summary>
    /// Stands in for a status Graph left out: not 0, so an entry whose outcome is unknown is never taken for a success,
    /// and no rule's error code, so it is never taken for a particular failure either.
    /// </summary>
    public const int UnknownErrorCode = -1;

    public static SignInFacts Read(JsonNode signIn)
    {
        JsonNode? status = Property(signIn, "status");
        JsonNode? device = Property(signIn, "deviceDetail");
        JsonNode? location = Property(signIn, "location");
        JsonNode? coordinates = Property(location, "geoCoordinates");
        return new SignInFacts
        {
            Id = Text(signIn, "id") ?? string.Empty,
            CreatedDateTime = Time(signIn, "createdDateTime") ?? DateTimeOffset.MinValue,
            UserId = Text(signIn, "userId") ?? string.Empty,
            UserPrincipalName = Text(signIn, "userPrincipalName"),
            AppId = Text(signIn, "appId"),
            AppDisplayName = Text(signIn, "appDisplayName"),
            ResourceId = Text(signIn, "resourceId"),
            ResourceDisplayName = Text(signIn, "resourceDisplayName"),
            ClientAppUsed = Text(signIn, "clientAppUsed"),
            UserAgent = Text(signIn, "userAgent"),
            IpAddress = Text(signIn, "ipAddress"),
            City = Text(location, "city"),
            State = Text(location, "state"),
            CountryOrRegion = Text(location, "countryOrRegion"),
            Latitude = Degrees(coordinates, "latitude"),
            Longitude = Degrees(coordinates, "longitude"),
            DeviceId = Text(device, "deviceId"),
            DeviceName = Text(device, "displayName"),
            OperatingSystem = Text(device, "operatingSystem"),
            Browser = Text(device, "browser"),
            IsCompliant = Flag(device, "isCompliant"),
            IsManaged = Flag(device, "isManaged"),
            TrustType = Text(device, "trustType"),
            ErrorCode = Number(status, "errorCode") ?? UnknownErrorCode,
            FailureReason = Text(status, "failureReason"),
            CorrelationId = Text(signIn, "correlationId"),
            ConditionalAccessStatus = Text(signIn, "conditionalAccessStatus"),
            IsInteractive = Flag(signIn, "isInteractive"),
            RiskLevelDuringSignIn = Text(signIn, "riskLevelDuringSignIn"),
            RiskLevelAggregated = Text(signIn, "riskLevelAggregated"),
            RiskState = Text(signIn, "riskState"),
            RiskEventTypes = Texts(signIn, "riskEventTypes_v2").Count > 0 ? Texts(signIn, "riskEventTypes_v2") : Texts(signIn, "riskEventTypes"),

            // Beta-only properties: present only when a beta response is read; v1.0 never sends them.
            AuthenticationProtocol = Text(signIn, "authenticationProtocol"),
            OriginalTransferMethod = Text(signIn, "originalTransferMethod"),
        };
    }

    /// <summary>A coordinate (Edm.Double); null when absent or not a number, as Graph leaves it for some IPs.</summary>
    private static double? Degrees(JsonNode? node, string property) =>
        Property(node, property) is JsonValue value && value.TryGetValue(out double degrees) && !double.IsNaN(degrees) ? degrees : null;
}
