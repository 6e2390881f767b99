namespace IdentityContainment.Sandbox;

/// <summary>An enterprise application (service principal) present in the tenant.</summary>
public sealed record ServicePrincipalRecord
{
    public required string Id { get; init; }
    public required string AppId { get; init; }
    public required string DisplayName { get; init; }
    public string? AppDisplayName { get; init; }

    /// <summary>Not a v1.0 Graph property (kept for old payloads and for the scenario's story).</summary>
    public string? PublisherName { get; init; }

    /// <summary>Null when the publisher is not verified: a classic sign of a consent-phishing app.</summary>
    public VerifiedPublisher? VerifiedPublisher { get; init; }
    public bool AccountEnabled { get; init; } = true;

    /// <summary>The tenant where the application is registered; a foreign tenant for third-party apps.</summary>
    public string? AppOwnerOrganizationId { get; init; }
    public string ServicePrincipalType { get; init; } = "Application";
    public string? SignInAudience { get; init; }
    public IReadOnlyList<string> ReplyUrls { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<AppRoleDefinition> AppRoles { get; init; } = [];
}

public sealed record VerifiedPublisher
{
    public string? DisplayName { get; init; }
    public string? VerifiedPublisherId { get; init; }
    public DateTimeOffset? AddedDateTime { get; init; }
}

/// <summary>An app role a resource application offers (e.g. Microsoft Graph's Mail.Read application role).</summary>
public sealed record AppRoleDefinition
{
    public required string Id { get; init; }
    public required string Value { get; init; }
    public string? DisplayName { get; init; }
    public IReadOnlyList<string> AllowedMemberTypes { get; init; } = ["Application"];
}
