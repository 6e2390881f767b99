namespace IdentityContainment;

/// <summary>The connection of this runspace: who is signed in, to which tenant and Graph, with which permissions. Holds no token.</summary>
public sealed class ContainmentContext
{
    public string? TenantId { get; init; }

    public string? TenantDisplayName { get; init; }

    public string? TenantDefaultDomain { get; init; }

    /// <summary>The signed-in user's UPN, or the app's name or id for app-only sign-in.</summary>
    public string? Account { get; init; }

    /// <summary>The object id of the signed-in user, or of the app's service principal for app sign-in.</summary>
    public string? AccountId { get; init; }

    public string? AppId { get; init; }

    public string? AppDisplayName { get; init; }

    public string AuthenticationMethod { get; init; } = string.Empty;

    /// <summary>Delegated (a user's permissions) or Application (the app's own).</summary>
    public string PermissionType { get; init; } = string.Empty;

    /// <summary>The scopes (delegated) or app roles (application) the token carries.</summary>
    public string[] Scopes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The Entra roles the token says the caller holds: an app needs User Administrator to reset passwords, and
    /// Privileged Authentication Administrator to reset or disable admins.
    /// </summary>
    public string[] DirectoryRoles { get; init; } = Array.Empty<string>();

    /// <summary>True when the token carries any of these permissions (scopes or app roles).</summary>
    public bool HasAnyPermission(params string[] permissions) =>
        permissions.Any(p => Scopes.Contains(p, StringComparer.OrdinalIgnoreCase));

    /// <summary>True when the token says the caller holds any of these Entra roles.</summary>
    public bool HoldsAnyRole(params string[] roles) =>
        roles.Any(r => DirectoryRoles.Contains(r, StringComparer.OrdinalIgnoreCase));

    public string Environment { get; init; } = string.Empty;

    public string GraphEndpoint { get; init; } = string.Empty;

    public string? AuthorityHost { get; init; }

    public DateTimeOffset? TokenExpiresOn { get; init; }

    public DateTimeOffset ConnectedOn { get; init; }

    /// <summary>Why the tenant details are missing, when the probe call was refused (the connection still works).</summary>
    public string? Warning { get; init; }

    public override string ToString() => $"{Account} @ {TenantDisplayName ?? TenantId} ({GraphEndpoint})";
}
