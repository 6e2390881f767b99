using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace IdentityContainment.Benchmarks.Setup;

/// <summary>What a host application does to run the module: a default runspace, and commands that stop at their first error.</summary>
internal static class HostedRunspace
{
    public static InitialSessionState CreateSessionState()
    {
        InitialSessionState session = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            // The module's psm1 is a script; Windows' default policy would refuse it in a bare runspace.
            session.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        return session;
    }

    /// <summary>Runs one command with -ErrorAction Stop; its first error throws a RuntimeException.</summary>
    public static Collection<PSObject> Invoke(Runspace runspace, string command, params (string Name, object Value)[] parameters)
    {
        using PowerShell shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddCommand(command);
        foreach ((string name, object value) in parameters)
        {
            shell.AddParameter(name, value);
        }

        shell.AddParameter("ErrorAction", ActionPreference.Stop);
        return shell.Invoke();
    }
}
