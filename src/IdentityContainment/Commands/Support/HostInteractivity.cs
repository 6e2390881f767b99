using System.Management.Automation.Host;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// Whether a person can answer a sign-in prompt here. A runbook, a job, a hosted runspace or pwsh -NonInteractive must
/// fail at once instead of waiting for a browser or a device code nobody will enter.
/// </summary>
internal static class HostInteractivity
{
    public static bool IsInteractive(PSHost host)
    {
        // Hosted runspaces and remoting servers have no one at a console.
        if (host.Name is "Default Host" or "ServerRemoteHost")
        {
            return false;
        }

        // Azure Automation sandboxes and Hybrid Workers.
        if (Environment.GetEnvironmentVariable("AUTOMATION_ASSET_ACCOUNTID") is not null
            || (Environment.GetEnvironmentVariable("AZUREPS_HOST_ENVIRONMENT") ?? string.Empty).StartsWith("AzureAutomation", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Environment.UserInteractive && !Environment.GetCommandLineArgs().Skip(1).Any(IsNonInteractiveSwitch);
    }

    /// <summary>pwsh and powershell.exe accept any unambiguous prefix of -NonInteractive from -noni on, with - or /.</summary>
    private static bool IsNonInteractiveSwitch(string argument)
    {
        string name = argument.TrimStart('-', '/').ToLowerInvariant();
        return argument.Length > name.Length && name.Length >= 4 && "noninteractive".StartsWith(name, StringComparison.Ordinal);
    }
}
