using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.Setup;

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>
/// Runs a containment pipeline through the built module in a runspace of this process, as a host application or
/// runbook worker would, and times it from the first user in to the last result out. Import and connect happen
/// before the clock starts.
/// </summary>
internal static class HostedModuleContainment
{
    /// <summary>
    /// The full response: <c>$users | Revoke-CompromisedSession | Reset-CompromisedPassword -Confirm:$false</c>.
    /// -OutVariable keeps Revoke's own results, which the pipe hands to Reset instead of to the output.
    /// </summary>
    public const string RevokeAndReset = """
        param([string[]] $Users)
        $Users | Revoke-CompromisedSession -OutVariable revoked | Reset-CompromisedPassword -Confirm:$false
        $global:MassBenchmarkRevoked = $revoked
        """;

    /// <summary>Revocation alone, whose request count the budget is about.</summary>
    public const string RevokeOnly = """
        param([string[]] $Users)
        $Users | Revoke-CompromisedSession
        """;

    public static ModuleRunOutput Run(string manifestPath, Uri graphEndpoint, string accessToken, IReadOnlyList<string> userPrincipalNames, string pipeline)
    {
        using Runspace runspace = RunspaceFactory.CreateRunspace(HostedRunspace.CreateSessionState());
        runspace.Open();
        InvokeOrThrow(runspace, "Import-Module", ("Name", manifestPath));
        InvokeOrThrow(runspace, "Connect-IdentityContainment", ("AccessToken", accessToken), ("GraphEndpoint", graphEndpoint.AbsoluteUri));

        using PowerShell shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(pipeline).AddParameter("Users", userPrincipalNames.ToArray());
        var output = new PSDataCollection<PSObject>();
        long firstResultAt = 0;
        output.DataAdded += (_, _) =>
        {
            // DataAdded runs on the pipeline thread as each object streams out; only the first one is timed.
            if (firstResultAt == 0)
            {
                firstResultAt = Stopwatch.GetTimestamp();
            }
        };

        long started = Stopwatch.GetTimestamp();
        shell.Invoke(input: null, output);
        TimeSpan wall = Stopwatch.GetElapsedTime(started);

        var revoked = (System.Collections.IEnumerable?)runspace.SessionStateProxy.GetVariable("MassBenchmarkRevoked") ?? Array.Empty<object>();
        List<ActionRecord> actions = output.Concat(revoked.Cast<object>().Select(PSObject.AsPSObject)).Select(ToAction).ToList();
        return new ModuleRunOutput
        {
            Wall = wall,
            FirstResult = firstResultAt == 0 ? null : Stopwatch.GetElapsedTime(started, firstResultAt),
            Actions = actions,
            ErrorIds = shell.Streams.Error.Select(e => e.FullyQualifiedErrorId ?? string.Empty).ToList(),
        };
    }

    // The module's types live in its own load context, so they are read by property name, not by type.
    private static ActionRecord ToAction(PSObject result)
    {
        string? Text(string property) => result.Properties[property]?.Value?.ToString();
        bool isPasswordReset = result.BaseObject.GetType().Name == "PasswordReset";
        return new ActionRecord(
            Text("UserId") ?? string.Empty,
            isPasswordReset ? ActionRecord.PasswordResetAction : Text("Action") ?? string.Empty,
            Text("Status") ?? string.Empty);
    }

    private static void InvokeOrThrow(Runspace runspace, string command, params (string Name, object Value)[] parameters)
    {
        try
        {
            HostedRunspace.Invoke(runspace, command, parameters);
        }
        catch (RuntimeException ex)
        {
            throw new BenchmarkCannotRunException($"{command} failed: {ex.ErrorRecord}");
        }
    }
}
