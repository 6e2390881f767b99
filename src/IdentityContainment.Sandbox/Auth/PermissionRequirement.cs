namespace IdentityContainment.Sandbox;

/// <summary>
/// The Graph permissions any one of which allows an operation: application roles for app-only
/// callers, delegated scopes for signed-in users. Some operations also want the signed-in user to
/// hold one of <see cref="DelegatedDirectoryRoles"/> (Entra evaluates the scope and the role together:
/// a delegated token can never do more than its user may).
/// </summary>
internal sealed record PermissionRequirement(
    IReadOnlyList<string> ApplicationRoles,
    IReadOnlyList<string> DelegatedScopes,
    IReadOnlyList<string>? DelegatedDirectoryRoles = null)
{
    public bool IsSatisfiedBy(CallerIdentity caller) => caller.IsAppOnly
        ? ApplicationRoles.Any(caller.Roles.Contains)
        : DelegatedScopes.Any(caller.Scopes.Contains)
            && (DelegatedDirectoryRoles is null || DelegatedDirectoryRoles.Any(caller.HoldsDirectoryRole));

    /// <summary>Either requirement will do (a role requirement survives only if both sides have one).</summary>
    public PermissionRequirement Or(PermissionRequirement other) => new(
        ApplicationRoles.Union(other.ApplicationRoles, StringComparer.OrdinalIgnoreCase).ToArray(),
        DelegatedScopes.Union(other.DelegatedScopes, StringComparer.OrdinalIgnoreCase).ToArray(),
        DelegatedDirectoryRoles is null || other.DelegatedDirectoryRoles is null
            ? null
            : DelegatedDirectoryRoles.Union(other.DelegatedDirectoryRoles, StringComparer.OrdinalIgnoreCase).ToArray());
}

/// <summary>The permissions each Graph operation accepts (CONTRACT and PERMISSIONS-LOOKUP, least first).</summary>
internal static class GraphPermissions
{
    private static readonly string[] ReadAllUsersBoth =
        ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];

    /// <summary>GET users and users/{id}. User.ReadBasic.All is enough, but only for basic properties.</summary>
    public static readonly PermissionRequirement ReadUsers = new(
        ["User.ReadBasic.All", .. ReadAllUsersBoth],
        ["User.ReadBasic.All", "User.Read", .. ReadAllUsersBoth]);

    /// <summary>What it takes to see more than the basic profile.</summary>
    public static readonly PermissionRequirement ReadFullUserProfile = new(ReadAllUsersBoth, ["User.Read", .. ReadAllUsersBoth]);

    public static readonly PermissionRequirement ReadOrganization = new(
        ["Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "User.Read.All"],
        ["User.Read", "Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "User.Read.All"]);

    public static readonly PermissionRequirement RevokeSessions = new(
        ["User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"],
        ["User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"]);

    /// <summary>PATCH passwordProfile.</summary>
    public static readonly PermissionRequirement UpdatePassword = new(
        ["User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"],
        ["User-PasswordProfile.ReadWrite.All", "Directory.AccessAsUser.All"]);

    /// <summary>PATCH accountEnabled.</summary>
    public static readonly PermissionRequirement UpdateAccountEnabled = new(
        ["User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All"],
        ["User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"]);

    /// <summary>PATCH of ordinary profile properties (displayName, jobTitle...).</summary>
    public static readonly PermissionRequirement UpdateUserProfile = new(
        ["User.ReadWrite.All", "Directory.ReadWrite.All"],
        ["User.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"]);

    /// <summary>Route-level gate for PATCH users/{id}; the handler then checks each property.</summary>
    public static readonly PermissionRequirement UpdateUserAny = UpdatePassword.Or(UpdateAccountEnabled).Or(UpdateUserProfile);

    /// <summary>GET users/{id}/registeredDevices and ownedDevices (PERMS: User.Read delegated, User.Read.All application, least).</summary>
    public static readonly PermissionRequirement ReadUserDevices = new(
        ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
        ["User.Read", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"]);

    /// <summary>GET devices/{id}.</summary>
    public static readonly PermissionRequirement ReadDevices = new(
        ["Device.Read.All", "Device.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
        ["Device.Read.All", "Directory.Read.All", "Directory.ReadWrite.All"]);

    /// <summary>
    /// PATCH and DELETE devices/{id}: application Device.ReadWrite.All; delegated only
    /// Directory.AccessAsUser.All, with a device admin role (CONTRACT §8). Cloud Device Administrator
    /// "can only enable or disable devices", which is all the sandbox lets a PATCH do.
    /// </summary>
    public static readonly PermissionRequirement WriteDevices = new(
        ["Device.ReadWrite.All", "Directory.ReadWrite.All"],
        ["Directory.AccessAsUser.All"],
        [DirectoryRoles.GlobalAdministrator, DirectoryRoles.IntuneAdministrator, DirectoryRoles.CloudDeviceAdministrator]);

    /// <summary>POST .../methods/{id}/resetPassword: delegated only; the handler checks roles against the target.</summary>
    public static readonly PermissionRequirement ResetPasswordThroughMethods = new([], ["UserAuthenticationMethod.ReadWrite.All"]);

    /// <summary>GET users/{id}/authentication/operations/{id}: PERMS lists delegated permissions only.</summary>
    public static readonly PermissionRequirement ReadAuthenticationOperations = new(
        [],
        ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All", "UserAuthenticationMethod.Read", "UserAuthenticationMethod.ReadWrite"]);

    /// <summary>GET identityProtection/riskyUsers/{id}; delegated callers need a security reading role.</summary>
    public static readonly PermissionRequirement ReadRiskyUsers = new(
        ["IdentityRiskyUser.Read.All", "IdentityRiskyUser.ReadWrite.All"],
        ["IdentityRiskyUser.Read.All", "IdentityRiskyUser.ReadWrite.All"],
        [DirectoryRoles.GlobalAdministrator, DirectoryRoles.SecurityAdministrator, DirectoryRoles.SecurityOperator,
         DirectoryRoles.SecurityReader, DirectoryRoles.GlobalReader]);

    /// <summary>POST identityProtection/riskyUsers/confirmCompromised and dismiss; Security Administrator is the least delegated role.</summary>
    public static readonly PermissionRequirement WriteRiskyUsers = new(
        ["IdentityRiskyUser.ReadWrite.All"],
        ["IdentityRiskyUser.ReadWrite.All"],
        [DirectoryRoles.GlobalAdministrator, DirectoryRoles.SecurityAdministrator]);
}
