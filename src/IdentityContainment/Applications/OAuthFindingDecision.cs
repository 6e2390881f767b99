using IdentityContainment.Detection;
using IdentityContainment.Detection.OAuth;

namespace IdentityContainment.Applications;

/// <summary>Pure: whether a judged grant is reported, and the finding that reports it.</summary>
public static class OAuthFindingDecision
{
    /// <summary>
    /// True when a rule fired at or above the minimum risk, for an app that is neither excluded nor (unless asked for)
    /// one of Microsoft's own.
    /// </summary>
    public static bool IsReported(OAuthGrantFacts facts, Assessment assessment, OAuthHuntOptions options) =>
        assessment.IsFinding
        && assessment.Level >= options.MinimumRisk
        && (options.IncludeFirstParty || !facts.Client.IsMicrosoftFirstParty)
        && !(facts.Client.AppId is { } appId && options.ExcludeAppIds.Contains(appId, StringComparer.OrdinalIgnoreCase));

    /// <summary>The finding; its ResourceId is the API's service principal id as the grant names it, which removing and restoring need.</summary>
    public static OAuthGrantFinding Finding(OAuthGrantFacts facts, Assessment assessment, string grantId, string? appRoleId, string resourceId, string? principalId, string? principalUserPrincipalName, ConsentRecord? consent)
    {
        string api = facts.Resource?.DisplayName ?? facts.ResourceAppId ?? "unknown API";
        return new OAuthGrantFinding
        {
            AppDisplayName = facts.Client.DisplayName,
            AppId = facts.Client.AppId,
            ClientServicePrincipalId = facts.Client.Id,
            Publisher = facts.Client.VerifiedPublisherName,
            PublisherVerified = facts.Client.IsPublisherVerified,
            OwnerTenantId = facts.Client.OwnerTenantId,
            ServicePrincipalEnabled = facts.Client.AccountEnabled != false,
            GrantKind = facts.Kind.ToString(),
            ConsentType = facts.ConsentType,
            PrincipalId = principalId,
            PrincipalUserPrincipalName = principalUserPrincipalName,
            ResourceId = resourceId,
            ResourceDisplayName = facts.Resource?.DisplayName,
            Scopes = facts.Permissions.Select(p => $"{api}: {p}").ToArray(),
            GrantId = grantId,
            AppRoleId = appRoleId,
            ConsentedAt = consent?.At,
            ConsentedBy = consent?.ConsentedBy,
            AdminConsent = consent?.AdminConsent,
            RiskLevel = assessment.Level.ToString(),
            Score = assessment.Score,
            ReasonCodes = assessment.ReasonCodes,
            Reasons = assessment.Reasons,
        };
    }
}
