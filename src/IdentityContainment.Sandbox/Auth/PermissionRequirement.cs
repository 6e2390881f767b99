namespace IdentityContainment.Sandbox;

/// <summary>
/// The Graph permissions any one of which allows an operation: application roles for app-only
/// callers, delegated scopes for signed-in users.
/// </summary>
internal sealed record PermissionRequirement(IReadOnlyList<string> ApplicationRoles, IReadOnlyList<string> DelegatedScopes)
{
    public bool IsSatisfiedBy(CallerIdentity caller) => caller.IsAppOnly
        ? ApplicationRoles.Any(caller.Roles.Contains)
        : DelegatedScopes.Any(caller.Scopes.Contains);

    /// <summary>Either requirement will do.</summary>
    public PermissionRequirement Or(PermissionRequirement other) => new(
        ApplicationRoles.Union(other.ApplicationRoles, StringComparer.OrdinalIgnoreCase).ToArray(),
        DelegatedScopes.Union(other.DelegatedScopes, StringComparer.OrdinalIgnoreCase).ToArray());
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
}
