using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Drill;

/// <summary>
/// Runs one drill: a sandbox tenant holding the incident, the shipped runbook run in a hosted PowerShell with the
/// managed identity an Automation account would have, then the scorecard from the tenant's own ground truth.
/// </summary>
internal sealed class DrillRunner
{
    private readonly DrillOptions _options;
    private readonly TextWriter _output;

    public DrillRunner(DrillOptions options, TextWriter output)
    {
        _options = options;
        _output = output;
    }

    /// <summary>Returns the open footholds after the runbook ran (0 means contained).</summary>
    public async Task<int> RunAsync()
    {
        string manifest = ModuleFolder.FindManifest(_options.ModuleManifest);
        string runbook = Path.Combine(Path.GetDirectoryName(manifest)!, "Examples", "Invoke-CompromisedUserContainment.ps1");

        await using SandboxServer sandbox = await SandboxServer.StartAsync(SandboxOptionsFor(_options));
        string[] compromised = sandbox.Tenant.Footholds.Select(f => f.UserId).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var steps = new StepReporter(_output);
        steps.Step($"Sandbox tenant '{sandbox.Tenant.ScenarioName}' ({sandbox.Tenant.TenantId}) at {sandbox.GraphEndpoint}: "
            + $"{sandbox.Tenant.Footholds.Count} attacker footholds on {compromised.Length} user(s).");

        // What Azure Automation gives a runbook: a managed-identity endpoint in the environment.
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", sandbox.ManagedIdentityEndpoint.AbsoluteUri);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", sandbox.ManagedIdentityHeader);

        // No -CompromisedSince: the runbook reads when the compromise began from the sign-in log, as a responder would.
        RunRunbook(manifest, runbook, compromised, sandbox.GraphEndpoint, steps);

        IReadOnlyList<FootholdStatus> footholds = sandbox.EvaluateFootholds();
        Scorecard.Print(footholds, _output);
        KeptConsents.Print(sandbox.Tenant, footholds, compromised.Select(u => sandbox.Tenant.FindUser(u)?.Id ?? u).ToHashSet(StringComparer.OrdinalIgnoreCase), _output);
        MailLeaks.Print(sandbox.Tenant, compromised, _output);
        KeptInboxRules.Print(sandbox.Tenant, footholds, compromised, _output);
        KeptMethodsAndDevices.Print(sandbox.Tenant, footholds, compromised, _output);
        return footholds.Count(f => f.IsOpen);
    }

    private static SandboxOptions SandboxOptionsFor(DrillOptions options)
    {
        var sandbox = new SandboxOptions { Scenario = options.Scenario, Latency = options.Latency };
        if (options.GeneratedUsers is { } users)
        {
            sandbox.ScenarioObject = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = users });
        }

        return sandbox;
    }

    private static void RunRunbook(string manifest, string runbook, string[] users, Uri graphEndpoint, StepReporter steps)
    {
        InitialSessionState session = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            // The runbook is a local script; Windows' default policy would refuse it in a bare runspace.
            session.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        using Runspace runspace = RunspaceFactory.CreateRunspace(session);
        runspace.Open();

        using PowerShell shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop").AddStatement();
        shell.AddCommand(runbook)
            .AddParameter("UserId", users)
            .AddParameter("GraphEndpoint", graphEndpoint.AbsoluteUri);

        var output = new PSDataCollection<PSObject>();
        output.DataAdded += (_, e) => steps.OnOutput(output[e.Index]);
        shell.Streams.Error.DataAdded += (_, e) => steps.OnError(shell.Streams.Error[e.Index]);
        shell.Streams.Warning.DataAdded += (_, e) => steps.OnWarning(shell.Streams.Warning[e.Index]);
        steps.Step($"Running {Path.GetFileName(runbook)} for {users.Length} user(s) with the Automation account's managed identity.");
        try
        {
            shell.Invoke(null, output);
        }
        catch (RuntimeException ex)
        {
            steps.OnError(ex.ErrorRecord);
        }

        steps.Step($"Runbook finished with {steps.Errors} error(s).");
    }
}
