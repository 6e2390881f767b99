namespace IdentityContainment.Sandbox;

/// <summary>What to put in a token minted by <see cref="SandboxServer.IssueAccessToken"/> or POST /sandbox/token.</summary>
public sealed record AccessTokenRequest
{
    /// <summary>The client application (appid claim). Need not be an operator app: tests mint tokens for any app.</summary>
    public required string AppId { get; init; }

    /// <summary>Null for an app-only token; otherwise a delegated token for this user (who must exist).</summary>
    public string? UserPrincipalName { get; init; }

    /// <summary>Application roles for an app-only token, delegated scopes for a user token.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>App-only: the Entra roles its service principal holds (wids); null takes the scenario operator's.</summary>
    public IReadOnlyList<string>? DirectoryRoles { get; init; }
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);
    public string Audience { get; init; } = GraphResource.Uri;

    /// <summary>Defaults to the scenario's tenant; another value makes a token Graph must refuse.</summary>
    public string? TenantId { get; init; }

    /// <summary>Defaults to now; set it in the past with a short lifetime to make an expired token.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}

/// <summary>The Microsoft Graph resource, as tokens and token requests name it.</summary>
public static class GraphResource
{
    public const string Uri = "https://graph.microsoft.com";
    public const string AppId = "00000003-0000-0000-c000-000000000000";

    /// <summary>Audiences Graph accepts: its URI and its application id.</summary>
    public static bool IsGraphAudience(string? audience) =>
        string.Equals(audience?.TrimEnd('/'), Uri, StringComparison.OrdinalIgnoreCase)
        || string.Equals(audience, AppId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Resource forms a token request may name Graph by: URI with or without a trailing slash or /.default, or its app id.</summary>
    public static bool IsGraphResource(string? resource)
    {
        if (resource is null)
            return false;
        var trimmed = resource.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? resource[..^"/.default".Length] : resource;
        return IsGraphAudience(trimmed.TrimEnd('/'));
    }
}
