namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// One entry of the sign-in log as the rules read it (Graph v1.0 signIn, CONTRACT §9; every property here is in the
/// v1.0 CSDL except the two beta-only device-code fields, read only when a response carries them). A value the entry
/// does not carry is null, which no rule takes for a fact. Not read, as v1.0 has none of them (CSDL; CONTRACT §9):
/// authenticationDetails, authenticationRequirement, sessionId and uniqueTokenIdentifier, so MFA details and the session
/// a token belongs to are not judged, and token replay is judged by correlation id alone.
/// </summary>
public sealed record SignInFacts
{
    public string Id { get; init; } = string.Empty;

    public DateTimeOffset CreatedDateTime { get; init; }

    public string UserId { get; init; } = string.Empty;

    public string? UserPrincipalName { get; init; }

    public string? AppId { get; init; }

    public string? AppDisplayName { get; init; }

    public string? ResourceId { get; init; }

    public string? ResourceDisplayName { get; init; }

    /// <summary>Browser, Mobile Apps and Desktop clients, IMAP4, Authenticated SMTP, Other clients...</summary>
    public string? ClientAppUsed { get; init; }

    public string? UserAgent { get; init; }

    public string? IpAddress { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    /// <summary>Two-letter country or region code (location/countryOrRegion).</summary>
    public string? CountryOrRegion { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>deviceDetail/deviceId: empty for a device Entra ID does not know (an AiTM proxy's browser).</summary>
    public string? DeviceId { get; init; }

    public string? DeviceName { get; init; }

    public string? OperatingSystem { get; init; }

    public string? Browser { get; init; }

    public bool? IsCompliant { get; init; }

    public bool? IsManaged { get; init; }

    /// <summary>Azure AD joined, Hybrid Azure AD joined, Azure AD registered (Workplace), or null.</summary>
    public string? TrustType { get; init; }

    /// <summary>status/errorCode: 0 is success (signInStatus in the CSDL).</summary>
    public int ErrorCode { get; init; }

    public string? FailureReason { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>success, failure or notApplied.</summary>
    public string? ConditionalAccessStatus { get; init; }

    public bool? IsInteractive { get; init; }

    /// <summary>none, low, medium, high, hidden (hidden without Entra ID P2).</summary>
    public string? RiskLevelDuringSignIn { get; init; }

    public string? RiskLevelAggregated { get; init; }

    public string? RiskState { get; init; }

    public IReadOnlyList<string> RiskEventTypes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Beta only (signIn.authenticationProtocol, "deviceCode" for the device-code flow): v1.0 has no such property, so
    /// on v1.0 this stays null and the device-code rules cannot fire from the sign-in alone.
    /// </summary>
    public string? AuthenticationProtocol { get; init; }

    /// <summary>Beta only (signIn.originalTransferMethod, "deviceCodeFlow"); null on v1.0, as above.</summary>
    public string? OriginalTransferMethod { get; init; }

    public bool Succeeded => ErrorCode == 0;

    /// <summary>True when the entry carries coordinates (Graph leaves them null for some IPs).</summary>
    public bool HasCoordinates => Latitude is not null && Longitude is not null;

    /// <summary>"City, State, CC" from what the entry carries; null when it carries none.</summary>
    public string? Place
    {
        get
        {
            string[] parts = new[] { City, State, CountryOrRegion }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToArray();
            return parts.Length == 0 ? null : string.Join(", ", parts);
        }
    }

    public override string ToString() => $"{CreatedDateTime.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z {AppDisplayName} from {IpAddress} ({Place}) error {ErrorCode}";
}
