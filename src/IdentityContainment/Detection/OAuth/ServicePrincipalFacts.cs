namespace IdentityContainment.Detection.OAuth;

/// <summary>
/// What the rules need to know about one service principal (a client app or a resource API), read once per run
/// whichever grant names it.
/// </summary>
public sealed record ServicePrincipalFacts
{
    /// <summary>The service principal's object id (what grants name as clientId and resourceId).</summary>
    public string Id { get; init; } = string.Empty;

    public string? AppId { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The tenant where the app is registered (appOwnerOrganizationId).</summary>
    public string? OwnerTenantId { get; init; }

    /// <summary>verifiedPublisher.verifiedPublisherId; null when the publisher is not verified.</summary>
    public string? VerifiedPublisherId { get; init; }

    public string? VerifiedPublisherName { get; init; }

    public IReadOnlyList<string> ReplyUrls { get; init; } = Array.Empty<string>();

    /// <summary>Application, ManagedIdentity, Legacy, SocialIdp.</summary>
    public string? ServicePrincipalType { get; init; }

    public bool? AccountEnabled { get; init; }

    /// <summary>The app's own roles by id (what application permissions on it are called: "Mail.Read", "full_access_as_app").</summary>
    public IReadOnlyDictionary<string, string> AppRoles { get; init; } = new Dictionary<string, string>();

    public bool IsPublisherVerified => !string.IsNullOrEmpty(VerifiedPublisherId);

    /// <summary>Registered in one of Microsoft's own tenants: a first-party app.</summary>
    public bool IsMicrosoftFirstParty => OwnerTenantId is { } owner && WellKnownApps.MicrosoftTenantIds.Contains(owner);
}
