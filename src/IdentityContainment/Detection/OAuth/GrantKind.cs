namespace IdentityContainment.Detection.OAuth;

/// <summary>How an app holds its access: scopes a user (or an admin for everyone) consented to, or roles of its own.</summary>
public enum GrantKind
{
    /// <summary>An oauth2PermissionGrant: the app acts as a signed-in user, within the scopes.</summary>
    Delegated,

    /// <summary>An appRoleAssignment to a client service principal: the app acts as itself, tenant-wide.</summary>
    Application,
}
