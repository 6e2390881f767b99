using IdentityContainment.Detection;

namespace IdentityContainment.SignIns;

/// <summary>What a sign-in hunt reports and how it asks the log.</summary>
public sealed record SignInHuntOptions
{
    /// <summary>-IncludeNonSuspicious: also the sign-ins no rule fired on (RiskLevel None).</summary>
    public bool IncludeNonSuspicious { get; init; }

    /// <summary>-MinimumRisk: the lowest level of a flagged sign-in that is reported (Low: any rule fired).</summary>
    public RiskLevel MinimumRisk { get; init; } = RiskLevel.Low;

    /// <summary>How the log is asked; null lets <see cref="SignInQueryPlan"/> choose the shape that needs fewer requests.</summary>
    public SignInQueryShape? Shape { get; init; }

    /// <summary>Told the shape the hunt chose and why, before the log is read (-Verbose, a benchmark).</summary>
    public Action<SignInQueryChoice>? ShapeChosen { get; init; }

    /// <summary>
    /// Device registration times per user id, from the directory audit log or the devices' registrationDateTime: the hook
    /// for the device-code rule when the registration is not in the sign-in log. Null when the caller has none.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>>? DeviceRegistrations { get; init; }

    /// <summary>Whether a judged sign-in is reported: flagged at the minimum or above, or unflagged when those are asked for.</summary>
    public bool Reports(SignInFinding finding) =>
        finding.Level == RiskLevel.None ? IncludeNonSuspicious : finding.IsAtLeast(MinimumRisk);
}
