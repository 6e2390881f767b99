using System.Diagnostics;

namespace IdentityContainment.Module.Tests.Harness;

/// <summary>Runs a program to its end and returns its exit code and everything it printed.</summary>
public static class ChildProcess
{
    /// <summary>How long a child may run before it is taken for hung: a guard for the run, never a measure of speed.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout}.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
