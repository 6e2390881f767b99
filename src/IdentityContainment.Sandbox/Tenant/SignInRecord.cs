namespace IdentityContainment.Sandbox;

/// <summary>An interactive sign-in event in Graph's signIn shape (auditLogs/signIns).</summary>
public sealed record SignInRecord
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedDateTime { get; init; }
    public required string UserId { get; init; }

    /// <summary>Filled from the user at load when the scenario leaves them out.</summary>
    public string? UserDisplayName { get; init; }
    public string? UserPrincipalName { get; init; }
    public string AppId { get; init; } = "4765445b-32c6-49b0-83e6-1d93765276ca";
    public string AppDisplayName { get; init; } = "OfficeHome";
    public required string IpAddress { get; init; }
    public string ClientAppUsed { get; init; } = "Browser";

    /// <summary>The client's user agent (signIn.userAgent in the v1.0 CSDL), e.g. BAV2ROPC for legacy ROPC clients.</summary>
    public string? UserAgent { get; init; }
    public string? CorrelationId { get; init; }
    public string ConditionalAccessStatus { get; init; } = "notApplied";
    public bool IsInteractive { get; init; } = true;
    public string RiskDetail { get; init; } = "none";
    public string RiskLevelAggregated { get; init; } = "none";
    public string RiskLevelDuringSignIn { get; init; } = "none";
    public string RiskState { get; init; } = "none";
    public IReadOnlyList<string> RiskEventTypes { get; init; } = [];
    public string ResourceDisplayName { get; init; } = "Microsoft Graph";
    public string ResourceId { get; init; } = "00000003-0000-0000-c000-000000000000";
    public SignInStatus Status { get; init; } = new();
    public SignInDeviceDetail DeviceDetail { get; init; } = new();
    public SignInLocation Location { get; init; } = new();
}

public sealed record SignInStatus
{
    /// <summary>0 means success.</summary>
    public int ErrorCode { get; init; }
    public string? FailureReason { get; init; }
    public string? AdditionalDetails { get; init; }
}

public sealed record SignInDeviceDetail
{
    public string DeviceId { get; init; } = "";
    public string? DisplayName { get; init; }
    public string? OperatingSystem { get; init; }
    public string? Browser { get; init; }
    public bool? IsCompliant { get; init; }
    public bool? IsManaged { get; init; }
    public string? TrustType { get; init; }
}

public sealed record SignInLocation
{
    public string? City { get; init; }
    public string? State { get; init; }
    public string? CountryOrRegion { get; init; }
    public GeoCoordinates? GeoCoordinates { get; init; }
}

public sealed record GeoCoordinates
{
    public double? Altitude { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
}
