using IdentityContainment.Detection;
using IdentityContainment.Detection.AuthenticationMethods;

namespace IdentityContainment.AuthenticationMethods;

/// <summary>What Get-SuspiciousAuthenticationMethod was asked to look for and which of its judgements to report.</summary>
public sealed record MethodHuntOptions
{
    /// <summary>When the compromise began, and the sign-ins the sign-in analysis flagged.</summary>
    public MethodReviewCriteria Criteria { get; init; } = new();

    /// <summary>-MinimumRisk: the lowest level reported among the methods a rule fired on.</summary>
    public RiskLevel MinimumRisk { get; init; } = RiskLevel.Low;

    /// <summary>-IncludeNonSuspicious: the methods no rule fired on too (RiskLevel None), the user's own.</summary>
    public bool IncludeNonSuspicious { get; init; }

    /// <summary>
    /// Whether a judged method is written. A method of a kind the module does not know is always written, whatever
    /// -MinimumRisk says: Graph adds kinds, and one nobody looks at must never disappear silently (DETECTION.md,
    /// "Identity footholds": never skip silently).
    /// </summary>
    public bool Reports(AuthenticationMethodFinding finding) =>
        finding.Type == AuthenticationMethodType.UnknownName
        || (finding.Level == RiskLevel.None ? IncludeNonSuspicious : finding.IsAtLeast(MinimumRisk));
}
