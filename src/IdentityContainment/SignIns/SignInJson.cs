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

    /// <summary>
    /// The facts of one signIn. With <paramref name="shared"/>, texts that repeat from entry to entry (names, apps, places,
    /// devices, user agents) are kept once for the whole read; ids and correlation ids are each entry's own.
    /// </summary>
    public static SignInFacts Read(JsonNode signIn, SharedTexts? shared)
    {
        string? Repeated(JsonNode? node, string property) => shared is null ? Text(node, property) : shared.Share(Text(node, property));

        JsonNode? status = Property(signIn, "status");
        JsonNode? device = Property(signIn, "deviceDetail");
        JsonNode? location = Property(signIn, "location");
        JsonNode? coordinates = Property(location, "geoCoordinates");
        return new SignInFacts
        {
            Id = Text(signIn, "id") ?? string.Empty,
            CreatedDateTime = Time(signIn, "createdDateTime") ?? DateTimeOffset.MinValue,
            UserId = Repeated(signIn, "userId") ?? string.Empty,
            UserPrincipalName = Repeated(signIn, "userPrincipalName"),
            AppId = Repeated(signIn, "appId"),
            AppDisplayName = Repeated(signIn, "appDisplayName"),
            ResourceId = Repeated(signIn, "resourceId"),
            ResourceDisplayName = Repeated(signIn, "resourceDisplayName"),
            ClientAppUsed = Repeated(signIn, "clientAppUsed"),
            UserAgent = Repeated(signIn, "userAgent"),
            IpAddress = Repeated(signIn, "ipAddress"),
            City = Repeated(location, "city"),
            State = Repeated(location, "state"),
            CountryOrRegion = Repeated(location, "countryOrRegion"),
            Latitude = Degrees(coordinates, "latitude"),
            Longitude = Degrees(coordinates, "longitude"),
            DeviceId = Repeated(device, "deviceId"),
            DeviceName = Repeated(device, "displayName"),
            OperatingSystem = Repeated(device, "operatingSystem"),
            Browser = Repeated(device, "browser"),
            IsCompliant = Flag(device, "isCompliant"),
            IsManaged = Flag(device, "isManaged"),
            TrustType = Repeated(device, "trustType"),
            ErrorCode = Number(status, "errorCode") ?? UnknownErrorCode,
            FailureReason = Repeated(status, "failureReason"),
            CorrelationId = Text(signIn, "correlationId"),
            ConditionalAccessStatus = Repeated(signIn, "conditionalAccessStatus"),
            IsInteractive = Flag(signIn, "isInteractive"),
            RiskLevelDuringSignIn = Repeated(signIn, "riskLevelDuringSignIn"),
            RiskLevelAggregated = Repeated(signIn, "riskLevelAggregated"),
            RiskState = Repeated(signIn, "riskState"),
            RiskEventTypes = Texts(signIn, "riskEventTypes_v2").Count > 0 ? Texts(signIn, "riskEventTypes_v2") : Texts(signIn, "riskEventTypes"),

            // Beta-only properties: present only when a beta response is read; v1.0 never sends them.
            AuthenticationProtocol = Text(signIn, "authenticationProtocol"),
            OriginalTransferMethod = Text(signIn, "originalTransferMethod"),
        };
    }

    /// <summary>The facts of one signIn, every text its own copy.</summary>
    public static SignInFacts Read(JsonNode signIn) => Read(signIn, null);

    /// <summary>A coordinate (Edm.Double); null when absent or not a number, as Graph leaves it for some IPs.</summary>
    private static double? Degrees(JsonNode? node, string property) =>
        Property(node, property) is JsonValue value && value.TryGetValue(out double degrees) && !double.IsNaN(degrees) ? degrees : null;
}
