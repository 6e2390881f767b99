using System.Globalization;
using System.Management.Automation;

namespace IdentityContainment.Drill;

/// <summary>Prints a line per thing the runbook does, as it happens, from the objects and errors it writes.</summary>
internal sealed class StepReporter
{
    private readonly TextWriter _output;
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public StepReporter(TextWriter output) => _output = output;

    public int Errors { get; private set; }

    public void Step(string text) => _output.WriteLine($"[{Elapsed()}] {text}");

    public void OnOutput(PSObject item) => Step(Describe(item.BaseObject, item));

    public void OnError(ErrorRecord error)
    {
        Errors++;
        Step($"ERROR {error.FullyQualifiedErrorId}: {error.Exception.Message}");
    }

    public void OnWarning(WarningRecord warning) => Step($"WARNING {warning.Message}");

    private string Elapsed() => (DateTimeOffset.UtcNow - _started).TotalSeconds.ToString("000.0", CultureInfo.InvariantCulture) + "s";

    private static string Describe(object item, PSObject written) => item switch
    {
        _ when TypeName(item) == "IdentityContainment.ContainmentContext" =>
            $"Connected to {Property(item, "TenantDisplayName") ?? Property(item, "TenantId")} as {Property(item, "Account")} ({Property(item, "AuthenticationMethod")}, {Property(item, "PermissionType")} permissions)",
        _ when TypeName(item) == "IdentityContainment.ContainmentUser" =>
            $"User {Property(item, "UserPrincipalName")}: enabled {Property(item, "AccountEnabled")}, type {Property(item, "UserType")}, sessions valid from {Property(item, "SignInSessionsValidFromDateTime") ?? "(never revoked)"}, password changed {Property(item, "LastPasswordChangeDateTime") ?? "(unknown)"}",
        _ when TypeName(item) == "IdentityContainment.ContainmentAction" =>
            $"{Property(item, "Action")} {Property(item, "UserPrincipalName") ?? Property(item, "UserId")}: {Property(item, "Status")}"
            + (Property(item, "SignInSessionsValidFromDateTime") is { } validFrom ? $", sessions valid from {validFrom}" : string.Empty),
        _ when TypeName(item) == "IdentityContainment.PasswordReset" =>
            $"ResetPassword {Property(item, "UserPrincipalName")}: {Property(item, "Status")}, must change at next sign-in {Property(item, "ForceChangePasswordNextSignIn")}",
        _ when TypeName(item) == "IdentityContainment.ContainmentSummary" =>
            $"Summary of {Property(item, "Command")}: {Property(item, "Users")} user(s), {Property(item, "Succeeded")} succeeded, {Property(item, "Failed")} failed, {Property(item, "Errors")} error(s) ({ErrorsInAllSteps(written)} in all steps); "
            + $"passwords: {Property(item, "PasswordsInKeyVault")} in Key Vault, {Property(item, "PasswordsInOutput")} only in the output",
        _ => item.ToString() ?? string.Empty,
    };

    /// <summary>What the runbook adds to the module's summary: it is a PowerShell note property, not a .NET one.</summary>
    private static string ErrorsInAllSteps(PSObject written) => Convert.ToString(written.Properties["ErrorsInAllSteps"]?.Value, CultureInfo.InvariantCulture) ?? "?";

    // The module's types live in its own load context; the drill reads them by name, as PowerShell formatting does.
    private static string TypeName(object item) => item.GetType().FullName ?? string.Empty;

    private static string? Property(object item, string name) => item.GetType().GetProperty(name)?.GetValue(item) switch
    {
        null => null,
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        object value => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
