namespace IdentityContainment.Benchmarks.CommandLine;

/// <summary>What a benchmark run tells a script or CI job through its exit code.</summary>
internal static class BenchmarkExitCode
{
    public const int GoalsMet = 0;
    public const int GoalMissed = 1;
    public const int CouldNotRun = 2;
}
