using IdentityContainment.Detection;

namespace IdentityContainment;

/// <summary>
/// One delegated grant or application permission an app holds, judged: which app, from whom, what it may reach, who
/// consented and when, and every rule that fired. Flat and text-valued for runbooks and JSON evidence; piped to
/// Remove-SuspiciousOAuthGrant, it names exactly what to remove.
/// </summary>
public sealed class OAuthGrantFinding : Finding
{
    public string? AppDisplayName { get; init; }

    public string? AppId { get; init; }

    /// <summary>The client service principal's object id: what the grant names as clientId, and what -DisableServicePrincipal disables.</summary>
    public string ClientServicePrincipalId { get; init; } = string.Empty;

    /// <summary>The verified publisher's name, or null when the publisher is not verified.</summary>
    public string? Publisher { get; init; }

    public bool PublisherVerified { get; init; }

    /// <summary>The tenant the app is registered in (Microsoft's for first-party apps).</summary>
    public string? OwnerTenantId { get; init; }

    public bool ServicePrincipalEnabled { get; init; }

    /// <summary>Delegated or Application (see <see cref="Detection.OAuth.GrantKind"/>).</summary>
    public string GrantKind { get; init; } = string.Empty;

    /// <summary>Principal or AllPrincipals for a delegated grant; null for an application permission.</summary>
    public string? ConsentType { get; init; }

    /// <summary>The user the grant is for (Principal grants); null for AllPrincipals and application permissions.</summary>
    public string? PrincipalId { get; init; }

    public string? PrincipalUserPrincipalName { get; init; }

    /// <summary>The resource API's service principal id and name (Microsoft Graph, Office 365 Exchange Online...).</summary>
    public string? ResourceId { get; init; }

    public string? ResourceDisplayName { get; init; }

    /// <summary>The delegated scopes, or the application role's value, each prefixed by its API ("Microsoft Graph: Mail.Read").</summary>
    public string[] Scopes { get; init; } = Array.Empty<string>();

    /// <summary>The oauth2PermissionGrant's id, or the appRoleAssignment's id.</summary>
    public string GrantId { get; init; } = string.Empty;

    /// <summary>For an application permission, the app role's id (needed to recreate the assignment).</summary>
    public string? AppRoleId { get; init; }

    /// <summary>When consent was given, from the directory audit log; null when the log does not say or could not be read.</summary>
    public DateTimeOffset? ConsentedAt { get; init; }

    /// <summary>Who consented (a user principal name, or an app), from the directory audit log.</summary>
    public string? ConsentedBy { get; init; }

    /// <summary>True when the audit log shows an admin consenting for the organisation.</summary>
    public bool? AdminConsent { get; init; }

    public override string ToString() => $"{RiskLevel} {AppDisplayName} ({GrantKind}{(ConsentType is null ? string.Empty : " " + ConsentType)}): {string.Join(", ", Scopes)}";
}
