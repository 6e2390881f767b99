using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.InteropServices;
using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.Measurement;
using IdentityContainment.Benchmarks.Setup;

namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>
/// The child side of <see cref="HostedEngineColdStart"/>: opens a runspace, imports the module by its manifest,
/// connects with the token from the environment, reads one user and prints a sample line. The timing is done here
/// in C#: a hosted engine has only the core commands, so a script could not call Get-Date.
/// </summary>
internal static class HostedImportChild
{
    public const string CommandName = "child-import";

    public static string[] Arguments(ColdStartInputs inputs) =>
        [CommandName, "--manifest", inputs.ManifestPath, "--graph-endpoint", inputs.GraphEndpoint.AbsoluteUri, "--user", inputs.UserId];

    public static int Run(long mainEntered, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            CommandOptions options = CommandOptions.Parse(args);
            string manifest = Path.GetFullPath(options.RequiredText("--manifest"));
            string graphEndpoint = options.RequiredText("--graph-endpoint");
            string userId = options.RequiredText("--user");
            options.RejectUnread();
            string token = Environment.GetEnvironmentVariable(ColdStartInputs.AccessTokenVariable)
                ?? throw new ArgumentException($"{ColdStartInputs.AccessTokenVariable} is not set; the token comes only from the environment.");

            var marks = new PhaseMarks(ChildProcess.ReadLaunchTimestamp() ?? mainEntered);
            marks.Mark(ColdStartPhase.HostStart.Key, mainEntered);

            using Runspace runspace = RunspaceFactory.CreateRunspace(HostedRunspace.CreateSessionState());
            runspace.Open();
            marks.Mark(ColdStartPhase.RunspaceOpen.Key);
            long engineReadyPeak = PeakWorkingSet.OfCurrentProcess();

            HostedRunspace.Invoke(runspace, "Import-Module", ("Name", manifest));
            marks.Mark(ColdStartPhase.Import.Key);
            HostedRunspace.Invoke(runspace, "Connect-IdentityContainment", ("AccessToken", token), ("GraphEndpoint", graphEndpoint));
            marks.Mark(ColdStartPhase.Connect.Key);
            Collection<PSObject> users = HostedRunspace.Invoke(runspace, "Get-ContainmentUser", ("UserId", userId));
            marks.Mark(ColdStartPhase.FirstCall.Key);
            if (users.Count != 1)
            {
                throw new InvalidOperationException($"Get-ContainmentUser returned {users.Count} objects instead of one.");
            }

            long peak = PeakWorkingSet.OfCurrentProcess();
            output.WriteLine(SampleLine.Format(new ChildReport(marks.ToMilliseconds(), peak, engineReadyPeak, EngineVersion(), RuntimeInformation.FrameworkDescription)));
            return 0;
        }
        catch (RuntimeException ex)
        {
            // The error record holds the command's own message, without the "stopped because of -ErrorAction" wrapper.
            error.WriteLine($"{CommandName}: {ex.ErrorRecord}");
            return 1;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            error.WriteLine($"{CommandName}: {ex.Message}");
            return 1;
        }
    }

    private static string EngineVersion()
    {
        string? version = typeof(PSObject).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return "System.Management.Automation " + (version?.Split(' ', '+')[0] ?? typeof(PSObject).Assembly.GetName().Version?.ToString());
    }
}
