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

    /// <summary>
    /// GET users/{id}/authentication/methods, the per-type lists and items: UserAuthenticationMethod.Read.All is least,
    /// ReadWrite.All higher; .Read and .ReadWrite act on the signed-in user only (PERMS, CONTRACT §7). The handler checks
    /// the self-or-admin-role rule (AuthenticationMethodAccess).
    /// </summary>
    public static readonly PermissionRequirement ReadAuthenticationMethods = new(
        ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
        ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All", "UserAuthenticationMethod.Read", "UserAuthenticationMethod.ReadWrite"]);

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

    // Applications and consent (CONTRACT §4, §5; PERMISSIONS-LOOKUP; graph-permissions.json for the creates).
    // Delegated writes also need one of the roles Entra lets manage enterprise apps: a delegated token never does
    // more than its user may. CONTRACT §5 names Application Administrator and Cloud Application Administrator for
    // service principal updates; the sandbox holds grant writes to the same roles (plus Global Administrator).
    private static readonly string[] AppAdminRoles =
        [DirectoryRoles.GlobalAdministrator, DirectoryRoles.ApplicationAdministrator, DirectoryRoles.CloudApplicationAdministrator];

    /// <summary>GET oauth2PermissionGrants, /{id} and users/{id}/oauth2PermissionGrants: Directory.Read.All is least (PERMS).</summary>
    public static readonly PermissionRequirement ReadPermissionGrants = new(
        ["Directory.Read.All", "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
        ["Directory.Read.All", "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"]);

    /// <summary>
    /// DELETE oauth2PermissionGrants/{id} and POST oauth2PermissionGrants: DelegatedPermissionGrant.ReadWrite.All or
    /// Directory.ReadWrite.All (PERMS). An older POST page also listed Directory.AccessAsUser.All; PERMS does not, so
    /// the sandbox refuses it.
    /// </summary>
    public static readonly PermissionRequirement WritePermissionGrants = new(
        ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
        ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
        AppAdminRoles);

    /// <summary>
    /// GET servicePrincipals, /{id}, (appId='...'): Application.Read.All is least (PERMS; Application.ReadWrite.OwnedBy
    /// too for apps).
    /// </summary>
    public static readonly PermissionRequirement ReadServicePrincipals = new(
        ["Application.Read.All", "Application.ReadWrite.OwnedBy", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
        ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"]);

    /// <summary>
    /// PATCH servicePrincipals/{id}: PERMS names Application.ReadWrite.OwnedBy least for apps, but it reaches only
    /// the apps the caller owns, and the sandbox models no owners: it is refused, as it would be for an attacker's
    /// app. Delegated callers need Application or Cloud Application Administrator (CONTRACT §5).
    /// </summary>
    public static readonly PermissionRequirement UpdateServicePrincipal = new(
        ["Application.ReadWrite.All", "Directory.ReadWrite.All"],
        ["Application.ReadWrite.All", "Directory.ReadWrite.All"],
        AppAdminRoles);

    /// <summary>GET servicePrincipals/{id}/appRoleAssignedTo and /appRoleAssignments: Application.Read.All is least (PERMS).</summary>
    public static readonly PermissionRequirement ReadServicePrincipalAssignments = new(
        ["Application.Read.All", "Application.ReadWrite.All", "Application.ReadWrite.OwnedBy", "Directory.Read.All", "Directory.ReadWrite.All"],
        ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"]);

    /// <summary>GET users/{id}/appRoleAssignments: AppRoleAssignment.ReadWrite.All least, or Directory.Read.All (PERMS).</summary>
    public static readonly PermissionRequirement ReadUserAppRoleAssignments = new(
        ["AppRoleAssignment.ReadWrite.All", "Directory.Read.All"],
        ["AppRoleAssignment.ReadWrite.All", "Directory.Read.All"]);

    // CONTRACT §5: the roles that may delete app role assignments (Directory Writers and Identity Governance
    // Administrator are not roles the sandbox knows, so no delegated caller holds them here).
    private static readonly string[] AssignmentAdminRoles =
        [.. AppAdminRoles, DirectoryRoles.HybridIdentityAdministrator, DirectoryRoles.PrivilegedRoleAdministrator, DirectoryRoles.UserAdministrator];

    /// <summary>DELETE servicePrincipals/{id}/appRoleAssignedTo/{id}: AppRoleAssignment.ReadWrite.All least, Application.ReadWrite.All higher (PERMS).</summary>
    public static readonly PermissionRequirement DeleteAppRoleAssignment = new(
        ["AppRoleAssignment.ReadWrite.All", "Application.ReadWrite.All"],
        ["AppRoleAssignment.ReadWrite.All", "Application.ReadWrite.All"],
        AssignmentAdminRoles);

    /// <summary>DELETE users/{id}/appRoleAssignments/{id}: AppRoleAssignment.ReadWrite.All only (PERMS).</summary>
    public static readonly PermissionRequirement DeleteUserAppRoleAssignment = new(
        ["AppRoleAssignment.ReadWrite.All"],
        ["AppRoleAssignment.ReadWrite.All"],
        AssignmentAdminRoles);

    /// <summary>
    /// POST servicePrincipals/{id}/appRoleAssignedTo: AppRoleAssignment.ReadWrite.All, which PERMS marks
    /// AlsoRequires Application.Read.All or Directory.Read.All; <see cref="ReadForAppRoleAssignment"/> is that second half.
    /// The docs page says the same ("AppRoleAssignment.ReadWrite.All and Application.Read.All"), and
    /// microsoft-graph-docs issue 12833 reports a 403 Authorization_RequestDenied without Application.Read.All.
    /// </summary>
    public static readonly PermissionRequirement CreateAppRoleAssignment = new(
        ["AppRoleAssignment.ReadWrite.All"],
        ["AppRoleAssignment.ReadWrite.All"],
        AssignmentAdminRoles);

    public static readonly PermissionRequirement ReadForAppRoleAssignment = new(
        ["Application.Read.All", "Directory.Read.All", "Application.ReadWrite.All", "Directory.ReadWrite.All"],
        ["Application.Read.All", "Directory.Read.All", "Application.ReadWrite.All", "Directory.ReadWrite.All"]);

    /// <summary>
    /// GET auditLogs/directoryAudits: AuditLog.Read.All least, Directory.Read.All higher (PERMS, CONTRACT §10); delegated
    /// callers need a role that reads audit logs (CONTRACT §10: Reports Reader, Security Administrator, and others).
    /// </summary>
    public static readonly PermissionRequirement ReadDirectoryAudits = new(
        ["AuditLog.Read.All", "Directory.Read.All"],
        ["AuditLog.Read.All", "Directory.Read.All"],
        [DirectoryRoles.GlobalAdministrator, DirectoryRoles.GlobalReader, DirectoryRoles.ReportsReader, DirectoryRoles.SecurityAdministrator,
         DirectoryRoles.SecurityOperator, DirectoryRoles.SecurityReader]);

    /// <summary>
    /// GET auditLogs/signIns: the same as directory audits (CONTRACT §9: AuditLog.Read.All least, Directory.Read.All
    /// higher, and the same reading roles). Declared after it: static fields initialise in order.
    /// </summary>
    public static readonly PermissionRequirement ReadSignIns = ReadDirectoryAudits;

    // Mail (CONTRACT §6; PERMISSIONS-LOOKUP; graph-permissions.json for mailFolders and domains). The same names serve
    // delegated and application callers; a delegated caller reaches only its own mailbox (MailboxAccess).

    /// <summary>GET .../mailFolders/inbox/messageRules, /{id} and GET mailboxSettings: MailboxSettings.Read least (PERMS).</summary>
    public static readonly PermissionRequirement ReadMailboxSettings = new(
        ["MailboxSettings.Read", "MailboxSettings.ReadWrite"],
        ["MailboxSettings.Read", "MailboxSettings.ReadWrite"]);

    /// <summary>PATCH and DELETE .../messageRules/{id}: MailboxSettings.ReadWrite only (PERMS).</summary>
    public static readonly PermissionRequirement WriteMailboxSettings = new(["MailboxSettings.ReadWrite"], ["MailboxSettings.ReadWrite"]);

    /// <summary>
    /// GET users/{id}/mailFolders/{id}: Mail.ReadBasic.All least for applications, Mail.ReadBasic for delegated callers;
    /// Mail.Read and Mail.ReadWrite also allow it (PERMS).
    /// </summary>
    public static readonly PermissionRequirement ReadMailFolders = new(
        ["Mail.ReadBasic.All", "Mail.Read", "Mail.ReadWrite"],
        ["Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"]);

    /// <summary>GET domains: Domain.Read.All least, Domain.ReadWrite.All and Directory.Read.All also (PERMS; work accounts only).</summary>
    public static readonly PermissionRequirement ReadDomains = new(
        ["Domain.Read.All", "Domain.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
        ["Domain.Read.All", "Domain.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"]);
}
