namespace IdentityContainment.Graph;

/// <summary>
/// A Graph operation as the operator thinks of it, with what it takes to be allowed: the least Graph permission and,
/// for delegated sign-in, the least Entra role. Error messages name these instead of Graph's bare 403.
/// </summary>
public sealed record GraphOperation(string Description, string Permission, string EntraRole, string TargetNoun = "User")
{
    public static readonly GraphOperation ReadOrganization = new("read the tenant's organization details", "Organization.Read.All or User.Read.All (User.Read for delegated sign-in)", "Directory Readers", "Organization");

    public static readonly GraphOperation RevokeSessions = new("revoke the sign-in sessions of", "User.RevokeSessions.All", "User Administrator (Privileged Authentication Administrator for admins)");

    public static readonly GraphOperation DisableAccount = new("disable the account of", "User.EnableDisableAccount.All", "User Administrator (Privileged Authentication Administrator for admins)");

    public static readonly GraphOperation ResetPassword = new("reset the password of", "User-PasswordProfile.ReadWrite.All", "Privileged Authentication Administrator for admins, otherwise Helpdesk or User Administrator");

    public static readonly GraphOperation ResetPasswordWriteback = new("reset through password writeback the password of", "UserAuthenticationMethod.ReadWrite.All (delegated only)", "Authentication Administrator (Privileged Authentication Administrator for admins)");

    public static readonly GraphOperation ConfirmCompromised = new("confirm compromised in Identity Protection", "IdentityRiskyUser.ReadWrite.All", "Security Administrator");

    public static readonly GraphOperation ListDevices = new("list the devices registered to", "User.Read.All (User.Read for delegated sign-in), and Device.Read.All to read the devices' registration dates", "Directory Readers", "Device");

    public static readonly GraphOperation ReadDevice = new("read the device", "Device.Read.All", "Directory Readers (or Global Reader)", "Device");

    public static readonly GraphOperation DisableDevice = new("disable the device", "Device.ReadWrite.All (application, Windows devices only) or Directory.AccessAsUser.All (delegated)", "Cloud Device Administrator (or Intune Administrator, Global Administrator)", "Device");

    public static readonly GraphOperation ListGrants = new("list the app consent grants of", "Directory.Read.All", "Directory Readers (or Global Reader)", "Grant");

    public static readonly GraphOperation ListAppAssignments = new("list the apps assigned to", "Directory.Read.All (or AppRoleAssignment.ReadWrite.All)", "Directory Readers (or Global Reader)");

    public static readonly GraphOperation ListAppPermissions = new("list the application permissions granted on", "Application.Read.All", "Directory Readers (or Global Reader)", "Application");

    public static readonly GraphOperation ReadServicePrincipal = new("read the app", "Application.Read.All", "Directory Readers (or Global Reader)", "Application");

    public static readonly GraphOperation ReadGrant = new("read the consent grant", "Directory.Read.All (or DelegatedPermissionGrant.ReadWrite.All)", "Directory Readers (or Global Reader)", "Grant");

    public static readonly GraphOperation RemoveGrant = new("remove the consent grant", "DelegatedPermissionGrant.ReadWrite.All", "Cloud Application Administrator (or Application Administrator)", "Grant");

    public static readonly GraphOperation RemoveAppRoleAssignment = new("remove the app role assignment", "AppRoleAssignment.ReadWrite.All", "Cloud Application Administrator (or Application Administrator)", "Grant");

    public static readonly GraphOperation DisableServicePrincipal = new("disable the app", "Application.ReadWrite.All", "Cloud Application Administrator (or Application Administrator)", "Application");

    public static readonly GraphOperation RestoreGrant = new("restore the consent grant", "DelegatedPermissionGrant.ReadWrite.All, and AppRoleAssignment.ReadWrite.All with Application.Read.All for application permissions", "Cloud Application Administrator (or Application Administrator)", "Grant");

    public static readonly GraphOperation ReadUser = new("read the user", "User.Read.All", "Directory Readers (or Global Reader)");

    // Mailbox reads and writes (CONTRACT §6, PERMS): an app reaches every mailbox with its application permission, while
    // delegated sign-in reaches only mailboxes the signed-in user may open, whatever the Entra role.
    private const string MailboxAccess = "Exchange Administrator, and access to the mailbox itself";

    public static readonly GraphOperation ReadInboxRules = new("read the inbox rules of", "MailboxSettings.Read", MailboxAccess);

    public static readonly GraphOperation ReadMailFolders = new("read the mail folders of", "Mail.ReadBasic.All (Mail.ReadBasic for delegated sign-in)", MailboxAccess);

    public static readonly GraphOperation ReadMailboxSettings = new("read the mailbox settings of", "MailboxSettings.Read", MailboxAccess);

    public static readonly GraphOperation ReadDomains = new("read the verified domains of", "Domain.Read.All", "Domain Name Administrator (or Global Reader)", "Organization");

    public static readonly GraphOperation ReadInboxRule = new("read the inbox rule", "MailboxSettings.Read", MailboxAccess, "InboxRule");

    public static readonly GraphOperation RemoveInboxRule = new("delete the inbox rule", "MailboxSettings.ReadWrite", MailboxAccess, "InboxRule");

    public static readonly GraphOperation DisableInboxRule = new("disable the inbox rule", "MailboxSettings.ReadWrite", MailboxAccess, "InboxRule");

    // Sign-in log (CONTRACT §9, PERMS): AuditLog.Read.All is the least permission, and Graph serves the log only to a tenant
    // with an Entra ID P1 or P2 licence (signin-list docs; microsoft-graph-docs issue 4336).
    public static readonly GraphOperation ReadSignIns = new("read the sign-in log of", "AuditLog.Read.All", "Reports Reader (or Security Reader, Security Operator, Global Reader)");

    // Authentication methods (CONTRACT §7, PERMS): reading another user's methods needs UserAuthenticationMethod.Read.All;
    // each kind's DELETE takes its own UserAuthMethod-*.ReadWrite.All or UserAuthenticationMethod.ReadWrite.All. An
    // Authentication Administrator sees phone numbers masked and manages only non-admin users' methods.
    private const string MethodRoles = "Authentication Administrator (Privileged Authentication Administrator for admins)";

    public static readonly GraphOperation ListAuthenticationMethods = new("list the authentication methods of", "UserAuthenticationMethod.Read.All", MethodRoles);

    public static readonly GraphOperation ReadUsageLocation = new("read the usage location of", "User.Read.All", "Directory Readers (or Global Reader)");

    public static readonly GraphOperation ReadAuthenticationMethod = new("read the authentication method", "UserAuthenticationMethod.Read.All", MethodRoles, "AuthenticationMethod");

    public static readonly GraphOperation RemoveAuthenticationMethod = new("delete the authentication method", "UserAuthenticationMethod.ReadWrite.All (or the kind's own, such as UserAuthMethod-Phone.ReadWrite.All)", MethodRoles, "AuthenticationMethod");
}
