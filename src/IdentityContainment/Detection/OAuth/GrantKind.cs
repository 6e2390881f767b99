namespace IdentityContainment.Detection.OAuth;

/// <summary>How an app holds its access: scopes a user (or an admin for everyone) consented to, or roles of its own.</summary>
public enum GrantKind
{
    /// <summary>An oauth2PermissionGrant: the app acts as a signed-in user, within the scopes.</summary>
    Delegated,

    /// <summary>An appRoleAssignment to a client service principal: the app acts as itself, tenant-wide.</summary>
    Application,

    /// <summary>
    /// An appRoleAssignment to a user: the user may sign in to the app (in one of its roles). The app gains no
    /// permission of its own, so only what kind of app it is can make it suspicious.
    /// </summary>
    Assignment,
}
