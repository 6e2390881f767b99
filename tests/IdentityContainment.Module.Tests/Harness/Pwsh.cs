namespace IdentityContainment.Module.Tests.Harness;

/// <summary>
/// The real pwsh 7 (with Pester 5) that runs the module as users do. CI names it in IC_PWSH; where it is absent, the
/// tests that need it are skipped with that reason.
/// </summary>
public static class Pwsh
{
    public static string? Path { get; } = Locate();

    public static string SkipReason =>
        "IC_PWSH does not name a pwsh executable; set it (for example IC_PWSH=../shared/tools/pwsh, as .ci/run does) to run the real-pwsh and Pester tests.";

    /// <summary>Runs pwsh with the arguments; the extra environment reaches only the child (tokens never go on a command line).</summary>
    public static (int ExitCode, string Output) Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        // ANSI colour codes would make the captured output unreadable in a test failure.
        var childEnvironment = new Dictionary<string, string>(environment) { ["NO_COLOR"] = "1" };
        return ChildProcess.Run(Path ?? throw new InvalidOperationException(SkipReason), arguments, childEnvironment, timeout);
    }

    private static string? Locate()
    {
        string? configured = Environment.GetEnvironmentVariable("IC_PWSH");
        return !string.IsNullOrWhiteSpace(configured) && File.Exists(configured) ? System.IO.Path.GetFullPath(configured) : null;
    }
}

/// <summary>A fact that needs the real pwsh: skipped, with the reason, where IC_PWSH names none.</summary>
public sealed class PwshFactAttribute : FactAttribute
{
    public PwshFactAttribute()
    {
        if (Pwsh.Path is null)
        {
            Skip = Pwsh.SkipReason;
        }
    }
}

/// <summary>A theory that needs the real pwsh: skipped, with the reason, where IC_PWSH names none.</summary>
public sealed class PwshTheoryAttribute : TheoryAttribute
{
    public PwshTheoryAttribute()
    {
        if (Pwsh.Path is null)
        {
            Skip = Pwsh.SkipReason;
        }
    }
}
