namespace IdentityContainment.Sandbox;

/// <summary>An app role granted to a user, group or service principal on a resource application.</summary>
public sealed record AppRoleAssignmentRecord
{
    public required string Id { get; init; }

    /// <summary>The all-zero GUID is the default access role.</summary>
    public string AppRoleId { get; init; } = "00000000-0000-0000-0000-000000000000";
    public required string PrincipalId { get; init; }

    /// <summary>"User", "Group" or "ServicePrincipal".</summary>
    public string PrincipalType { get; init; } = "User";
    public string? PrincipalDisplayName { get; init; }
    public required string ResourceId { get; init; }
    public string? ResourceDisplayName { get; init; }
    public DateTimeOffset? CreatedDateTime { get; init; }
}
