using IdentityContainment.Detection;

namespace IdentityContainment.Applications;

/// <summary>What Get-SuspiciousOAuthGrant was asked to look for.</summary>
public sealed record OAuthHuntOptions
{
    /// <summary>When the compromise began: consents from then on are read from the directory audit log and weigh more.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Report Microsoft's own apps too (they are trusted by default).</summary>
    public bool IncludeFirstParty { get; init; }

    /// <summary>App ids the organisation trusts: never reported.</summary>
    public IReadOnlyCollection<string> ExcludeAppIds { get; init; } = Array.Empty<string>();

    public RiskLevel MinimumRisk { get; init; } = RiskLevel.Low;
}
