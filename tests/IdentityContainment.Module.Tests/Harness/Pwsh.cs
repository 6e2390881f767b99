using System.Diagnostics;

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
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(SkipReason))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        // ANSI colour codes would make the captured output unreadable in a test failure.
        start.Environment["NO_COLOR"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pwsh did not finish within {timeout}.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
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
