namespace IdentityContainment.Benchmarks.Measurement;

/// <summary>How a measured process ended, what it printed, and how long it lived from launch to exit.</summary>
internal sealed record ChildProcessResult(int ExitCode, string StandardOutput, string StandardError, double LaunchToExitMs);
