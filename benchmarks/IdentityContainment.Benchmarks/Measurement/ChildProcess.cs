using System.Diagnostics;
using System.Globalization;

namespace IdentityContainment.Benchmarks.Measurement;

/// <summary>
/// Starts a process to be measured and waits for it. The launch timestamp reaches the child in its environment so it
/// can time its own start-up from the moment the parent asked for it; secrets go the same way, never on the command
/// line (any local user can read command lines in /proc).
/// </summary>
internal static class ChildProcess
{
    public const string LaunchTimestampVariable = "IC_BENCH_LAUNCHED_AT";

    public static async Task<ChildProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
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

        // Colour codes would only make captured errors harder to read.
        start.Environment["NO_COLOR"] = "1";

        long launchedAt = Stopwatch.GetTimestamp();
        start.Environment[LaunchTimestampVariable] = launchedAt.ToString(CultureInfo.InvariantCulture);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> error = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        long exitedAt = Stopwatch.GetTimestamp();
        return new ChildProcessResult(process.ExitCode, await output, await error, Stopwatch.GetElapsedTime(launchedAt, exitedAt).TotalMilliseconds);
    }

    /// <summary>In a child: the parent's launch timestamp, or null when the child was started by hand.</summary>
    public static long? ReadLaunchTimestamp() =>
        long.TryParse(Environment.GetEnvironmentVariable(LaunchTimestampVariable), NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)
            ? timestamp
            : null;
}
