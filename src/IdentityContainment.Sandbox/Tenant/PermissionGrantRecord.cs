namespace IdentityContainment.Sandbox;

/// <summary>A delegated permission grant (Graph oAuth2PermissionGrant): consent given to a client app.</summary>
public sealed record PermissionGrantRecord
{
    public required string Id { get; init; }

    /// <summary>Object id of the client service principal (not its appId).</summary>
    public required string ClientId { get; init; }

    /// <summary>"Principal" (one user consented) or "AllPrincipals" (admin consent for everyone).</summary>
    public string ConsentType { get; init; } = ConsentTypes.Principal;

    /// <summary>The consenting user's object id; null for AllPrincipals.</summary>
    public string? PrincipalId { get; init; }

    /// <summary>Object id of the resource service principal (e.g. Microsoft Graph).</summary>
    public required string ResourceId { get; init; }

    /// <summary>Space-separated delegated scopes, as Graph writes them.</summary>
    public required string Scope { get; init; }
    public DateTimeOffset? CreatedDateTime { get; init; }
}

public static class ConsentTypes
{
    public const string Principal = "Principal";
    public const string AllPrincipals = "AllPrincipals";
}
