using IdentityContainment.Detection;

namespace IdentityContainment;

/// <summary>
/// One sign-in, judged: when, from where, with what, how it ended, and every rule that fired. Flat and text-valued for
/// runbooks and JSON evidence; the earliest one per user (SignInSummary) is the natural -Since for the other cmdlets.
/// </summary>
public sealed class SignInFinding : Finding
{
    public string UserId { get; init; } = string.Empty;

    public string? UserPrincipalName { get; init; }

    /// <summary>The signIn's id in the log.</summary>
    public string SignInId { get; init; } = string.Empty;

    public DateTimeOffset CreatedDateTime { get; init; }

    public string? IpAddress { get; init; }

    /// <summary>"City, State, CC" as the log gives it.</summary>
    public string? Location { get; init; }

    public string? CountryOrRegion { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? AppDisplayName { get; init; }

    public string? AppId { get; init; }

    public string? ResourceDisplayName { get; init; }

    /// <summary>clientAppUsed: Browser, Mobile Apps and Desktop clients, IMAP4...</summary>
    public string? ClientAppUsed { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>deviceDetail/deviceId; empty or null for a device Entra ID does not know.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The device's name, operating system and browser, as one line.</summary>
    public string? Device { get; init; }

    public bool? DeviceIsCompliant { get; init; }

    public string? DeviceTrustType { get; init; }

    /// <summary>Success, or Failure with the error code.</summary>
    public string Status { get; init; } = string.Empty;

    public int ErrorCode { get; init; }

    public string? FailureReason { get; init; }

    public string? ConditionalAccessStatus { get; init; }

    /// <summary>Entra ID Protection's level during the sign-in (hidden without P2), and its state.</summary>
    public string? SignInRiskLevel { get; init; }

    public string? SignInRiskState { get; init; }

    public string? CorrelationId { get; init; }

    public override string ToString() => $"{RiskLevel} {CreatedDateTime.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z {UserPrincipalName ?? UserId} {AppDisplayName} from {IpAddress} ({Location}): {string.Join("; ", ReasonCodes)}";
}
