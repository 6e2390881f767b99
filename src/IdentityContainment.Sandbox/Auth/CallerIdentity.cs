namespace IdentityContainment.Sandbox;

/// <summary>Who is calling, as read from a validated access token.</summary>
internal sealed record CallerIdentity
{
    public required string AppId { get; init; }
    public string? AppDisplayName { get; init; }
    public required string TenantId { get; init; }

    /// <summary>The service principal (app-only) or the user (delegated).</summary>
    public required string ObjectId { get; init; }
    public required bool IsAppOnly { get; init; }
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> Scopes { get; init; } = new HashSet<string>();
    public string? UserPrincipalName { get; init; }

    /// <summary>Directory role template ids (the wids claim).</summary>
    public IReadOnlySet<string> DirectoryRoleTemplateIds { get; init; } = new HashSet<string>();

    public bool HoldsDirectoryRole(string roleName) =>
        DirectoryRoleTemplateIds.Contains(DirectoryRoles.TemplateId(roleName));
}
