using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>
/// What Graph will refuse when a device is disabled, told before anything is sent, from the connection's token and the
/// device's operating system. Microsoft Graph's device-update page (learn.microsoft.com/graph/api/device-update):
/// "In application-only scenarios and for non-Windows devices, that is, where the operatingSystem property is not
/// Windows, the app can update only the extensionAttributes property"; delegated, the only permission is
/// Directory.AccessAsUser.All, and "Intune Administrator is the least privileged role supported for this operation. A
/// calling user in the Cloud Device Administrator role can only enable or disable devices"; a Global Administrator has
/// full management privileges over the device.
/// </summary>
internal static class DeviceDisableRefusals
{
    private static readonly string[] AppPermissions = ["Device.ReadWrite.All", "Directory.ReadWrite.All"];
    private const string DelegatedPermission = "Directory.AccessAsUser.All";

    /// <summary>Who can do it instead, and how: the advice every app-only refusal of a non-Windows device ends with.</summary>
    public const string DelegatedAdvice =
        "Graph lets an app disable Windows devices only. Disable it as a person who holds Cloud Device Administrator (enough to enable and disable devices), Intune Administrator or Global Administrator: "
        + "sign in interactively with Connect-IdentityContainment -TenantId <tenant> (its default delegated scopes include Directory.AccessAsUser.All, the only delegated permission Graph accepts for this; -UseDeviceCode where no browser opens) "
        + "and pipe the finding to Disable-SuspiciousDevice again, or disable the device in the Entra admin center (Devices > All devices).";

    /// <summary>Whether Graph lets an app signed in as itself disable a device with this operating system: Windows only.</summary>
    public static bool AppMayDisable(string? operatingSystem) =>
        string.Equals(operatingSystem?.Trim(), "Windows", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The refusal Graph would give, or null when the write may go: the token lacks the write permission, or an app
    /// would disable a device that does not run Windows. A token that lists no permissions at all (one passed in whose
    /// claims the module could not read) is left to Graph.
    /// </summary>
    public static ContainmentException? BeforeSending(ContainmentContext context, RegisteredDevice device)
    {
        bool appOnly = context.PermissionType == "Application";
        bool permissionsKnown = context.Scopes.Length > 0;
        if (appOnly && permissionsKnown && !context.HasAnyPermission(AppPermissions))
        {
            return new ContainmentException(
                ContainmentErrorKind.PermissionDenied,
                "DeviceWritePermissionMissing",
                $"Cannot disable {device.Description}: the app's token carries no Device.ReadWrite.All, the application permission Graph needs to disable a device. Grant the app Microsoft Graph's Device.ReadWrite.All with admin consent, then connect again.",
                device.Id);
        }

        if (!appOnly && permissionsKnown && !context.HasAnyPermission(DelegatedPermission))
        {
            return new ContainmentException(
                ContainmentErrorKind.PermissionDenied,
                "DeviceWritePermissionMissing",
                $"Cannot disable {device.Description}: the sign-in's token carries no {DelegatedPermission}, the only delegated permission Graph accepts for disabling a device. Connect again without -Scopes (the default scopes include it) or add it to -Scopes; the signed-in admin also needs Cloud Device Administrator, Intune Administrator or Global Administrator.",
                device.Id);
        }

        if (appOnly && device.OperatingSystem is { Length: > 0 } system && !AppMayDisable(system))
        {
            return new ContainmentException(
                ContainmentErrorKind.PermissionDenied,
                "AppOnlyCannotDisableDevice",
                $"Did not send the disable of {device.Description}: it runs {system}, and this connection is an app signed in as itself. {DelegatedAdvice}",
                device.Id);
        }

        return null;
    }

    /// <summary>Graph's 403 to an app: the operating system the module could not see, or the permission.</summary>
    public static ContainmentException AppRefused(GraphBatchResult answer, string device) =>
        new(
            ContainmentErrorKind.PermissionDenied,
            "DeviceDisableDenied",
            $"Graph refused to disable {device}. If it does not run Windows: {DelegatedAdvice} Otherwise grant the app Device.ReadWrite.All. Graph said: {answer.Error.Message}",
            device)
        { RequestId = answer.RequestId };
}
