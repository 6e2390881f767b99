using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>
/// Why Entra refuses an app signed in as itself a password reset or a disable, told from what the connection's token
/// shows. Graph's 403 is the same whether the permission, the app's directory role or the target's admin role is the
/// cause; the token tells which of those the operator can fix.
/// </summary>
internal static class AppOnlyRefusals
{
    private static readonly string[] PasswordPermissions = ["User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"];
    private static readonly string[] DisablePermissions = ["User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All"];
    private static readonly string[] PasswordRoles = [EntraRoles.UserAdministrator, EntraRoles.PrivilegedAuthenticationAdministrator, EntraRoles.GlobalAdministrator];
    private static readonly string[] AdminTargetRoles = [EntraRoles.PrivilegedAuthenticationAdministrator, EntraRoles.GlobalAdministrator];

    private const string AdminTargetAdvice =
        "An app may reset or disable an administrator only if its service principal holds Privileged Authentication Administrator (or Global Administrator); otherwise a person with that role must do it, signed in with delegated permissions.";

    public static ContainmentException PasswordReset(ContainmentContext context, string who, string userId, GraphBatchResult answer)
    {
        string cause =
            !context.HasAnyPermission(PasswordPermissions) ? $"The app lacks the Graph permission: grant it User-PasswordProfile.ReadWrite.All, and assign its service principal the Entra role User Administrator, which app-only password resets need beside the permission."
            : !context.HoldsAnyRole(PasswordRoles) ? $"The app has the permission, but its token names no Entra role that may reset passwords ({Roles(context)}): app-only password resets need the User Administrator role assigned to the app's service principal as well. {AdminTargetAdvice}"
            : !context.HoldsAnyRole(AdminTargetRoles) ? $"The app has the permission and the role {EntraRoles.UserAdministrator}, so {who} most likely holds an administrator role. {AdminTargetAdvice}"
            : $"The app has the permission and the role {string.Join(", ", context.DirectoryRoles)}; check that {who} is not protected by a restricted management administrative unit.";
        return new ContainmentException(ContainmentErrorKind.PermissionDenied, "PasswordResetDenied", $"Graph refused to reset the password of {who}. {cause} Graph said: {answer.Error.Message}", userId)
        {
            RequestId = answer.RequestId,
        };
    }

    /// <summary>Null when the token does not show the permission: the ordinary permission error says what to grant.</summary>
    public static ContainmentException? Disable(ContainmentContext context, string who, string userId, GraphBatchResult answer)
    {
        if (!context.HasAnyPermission(DisablePermissions))
        {
            return null;
        }

        string cause = context.HoldsAnyRole(AdminTargetRoles)
            ? $"The app has the permission and the role {string.Join(", ", context.DirectoryRoles)}; check that {who} is not protected by a restricted management administrative unit."
            : $"The app already has the permission, so {who} most likely holds an administrator role. {AdminTargetAdvice}";
        return new ContainmentException(ContainmentErrorKind.PermissionDenied, "AccountDisableDenied", $"Graph refused to disable the account of {who}. {cause} Graph said: {answer.Error.Message}", userId)
        {
            RequestId = answer.RequestId,
        };
    }

    private static string Roles(ContainmentContext context) =>
        context.DirectoryRoles.Length == 0 ? "it names none" : "it names " + string.Join(", ", context.DirectoryRoles);
}
