namespace IdentityContainment.Module.Tests.Harness;

/// <summary>
/// The real pwsh 7 that runs the module as users do: the PowerShell dotnet tool pinned in .config/dotnet-tools.json,
/// which the test build restores (RealPwsh.targets), or another pwsh named in IC_PWSH. Pester is always the repository's
/// pinned package, imported by its path (<see cref="PesterManifest"/>), never whatever a machine has installed.
/// </summary>
public static class Pwsh
{
    public const string OverrideVariable = "IC_PWSH";

    private static readonly Lazy<PwshCommand> Command = new(Locate);

    /// <summary>The program started and the arguments it takes before pwsh's own.</summary>
    private sealed record PwshCommand(string FileName, IReadOnlyList<string> LeadingArguments);

    /// <summary>Pester.psd1 of the pinned Pester package, restored by the test build.</summary>
    public static string PesterManifest { get; } = BuildMetadata.Read("IdentityContainment.PesterManifest");

    /// <summary>
    /// Folders that stand in for the user's own data and configuration in every pwsh started here, so a module a
    /// user installed (README: ~/.local/share/powershell/Modules) or a user's powershell.config.json never reaches a test.
    /// </summary>
    public static string IsolatedUserFolders { get; } = CreateIsolatedUserFolders();

    /// <summary>Runs pwsh with the arguments; the extra environment reaches only the child (tokens never go on a command line).</summary>
    public static (int ExitCode, string Output) Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        PwshCommand command = Command.Value;
        var childEnvironment = new Dictionary<string, string>(IsolatedEnvironment());
        foreach ((string name, string value) in environment)
        {
            childEnvironment[name] = value;
        }

        return ChildProcess.Run(command.FileName, command.LeadingArguments.Concat(arguments), childEnvironment, timeout);
    }

    private static Dictionary<string, string> IsolatedEnvironment() => new()
    {
        // pwsh puts the user's module folder ($XDG_DATA_HOME/powershell/Modules) on its module path whatever the
        // inherited PSModulePath says; pointing XDG_DATA_HOME at an empty folder is what keeps installed copies out.
        ["XDG_DATA_HOME"] = Path.Combine(IsolatedUserFolders, "data"),
        ["XDG_CONFIG_HOME"] = Path.Combine(IsolatedUserFolders, "config"),
        // Empty is unset to pwsh: its module path starts again from its own defaults.
        ["PSModulePath"] = string.Empty,
        // ANSI colour codes would make the captured output unreadable in a test failure.
        ["NO_COLOR"] = "1",
        ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
        ["POWERSHELL_UPDATECHECK"] = "Off",
    };

    private static PwshCommand Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? new PwshCommand(Path.GetFullPath(configured), Array.Empty<string>())
                : throw new InvalidOperationException($"{OverrideVariable} names '{configured}', which does not exist. Unset it to use the pwsh the repository pins.");
        }

        string entryPoint = BuildMetadata.Read("IdentityContainment.PwshEntryPoint");
        if (!File.Exists(entryPoint))
        {
            throw new InvalidOperationException($"The pinned pwsh is missing at {entryPoint}. Build the tests again (they run dotnet tool restore) or run dotnet tool restore.");
        }

        // A dotnet tool is an assembly the dotnet host runs, as `dotnet tool run pwsh` does.
        return new PwshCommand(BuildMetadata.Read("IdentityContainment.DotnetHost"), new[] { entryPoint });
    }

    private static string CreateIsolatedUserFolders()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "pwsh-user-folders");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        Directory.CreateDirectory(Path.Combine(root, "config"));
        return root;
    }
}

/// <summary>A fact that runs the real pwsh (the repository's pinned one unless IC_PWSH names another).</summary>
public sealed class PwshFactAttribute : FactAttribute
{
}

/// <summary>A theory that runs the real pwsh (the repository's pinned one unless IC_PWSH names another).</summary>
public sealed class PwshTheoryAttribute : TheoryAttribute
{
}
