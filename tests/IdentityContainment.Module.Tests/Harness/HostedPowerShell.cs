using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace IdentityContainment.Module.Tests.Harness;

/// <summary>A PowerShell runspace inside the test process, as a host application would create one.</summary>
public sealed class HostedPowerShell : IDisposable
{
    private readonly Runspace _runspace;

    public HostedPowerShell()
    {
        InitialSessionState session = InitialSessionState.CreateDefault2();
        // Every runspace puts the machine's module folders back on PSModulePath, so a copy a user installed
        // (README: ~/.local/share/powershell/Modules) would answer Get-Command or autoload in place of the build under
        // test. Without autoloading, only what a test imports by path is there.
        session.Variables.Add(new SessionStateVariableEntry("PSModuleAutoLoadingPreference", PSModuleAutoLoadingPreference.None, "Modules come only from Import-Module by path."));
        _runspace = RunspaceFactory.CreateRunspace(session);
        _runspace.Open();
    }

    /// <summary>A runspace whose console is <paramref name="host"/>: formatting and confirmations go to it.</summary>
    public HostedPowerShell(System.Management.Automation.Host.PSHost host)
    {
        _runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        _runspace.Open();
    }

    public Runspace Runspace => _runspace;

    /// <summary>Runs a script (with a param block when it takes <paramref name="parameters"/>) and captures every stream.</summary>
    public ScriptResult Run(string script, IDictionary<string, object?>? parameters = null)
    {
        using PowerShell shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        if (parameters is not null)
        {
            foreach ((string name, object? value) in parameters)
            {
                shell.AddParameter(name, value);
            }
        }

        Collection<PSObject> output;
        Exception? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            output = new Collection<PSObject>();
            terminating = ex;
        }

        return new ScriptResult(
            output.ToList(),
            shell.Streams.Error.ToList(),
            shell.Streams.Warning.Select(w => w.Message).ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Debug.Select(d => d.Message).ToList(),
            shell.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList(),
            terminating)
        {
            Progress = shell.Streams.Progress.ToList(),
        };
    }

    /// <summary>Imports the built module by its manifest, exactly as a user would.</summary>
    public void ImportModule() => Run("param($Path) Import-Module $Path -ErrorAction Stop", new Dictionary<string, object?> { ["Path"] = ModuleLocation.ManifestPath }).ThrowIfFailed();

    public void Dispose() => _runspace.Dispose();
}

/// <summary>Everything a script wrote, stream by stream.</summary>
public sealed record ScriptResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Debug,
    IReadOnlyList<string> Information,
    Exception? Terminating)
{
    /// <summary>The progress records, in the order they were written.</summary>
    public IReadOnlyList<ProgressRecord> Progress { get; init; } = Array.Empty<ProgressRecord>();

    /// <summary>Errors, terminating one included, as records (a terminating error's record when it has one).</summary>
    public IEnumerable<ErrorRecord> AllErrors =>
        Terminating is IContainsErrorRecord withRecord ? Errors.Append(withRecord.ErrorRecord) : Errors;

    public T Single<T>() => Assert.IsType<T>(Assert.Single(Output).BaseObject);

    public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

    /// <summary>
    /// The module's own results of one type ("MailboxFinding"), as dynamic objects: the module loads into a private load
    /// context, so its types are not this assembly's to name.
    /// </summary>
    public dynamic[] Rows(string moduleTypeName) =>
        Output.Where(o => o.TypeNames.FirstOrDefault() == "IdentityContainment." + moduleTypeName).Select(o => (dynamic)o.BaseObject).ToArray();

    public ScriptResult ThrowIfFailed()
    {
        if (Terminating is not null || Errors.Count > 0)
        {
            throw new InvalidOperationException("The script failed: " + string.Join(" | ", AllErrors.Select(e => e.ToString())), Terminating);
        }

        return this;
    }
}
