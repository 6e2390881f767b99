using System.Diagnostics;

namespace IdentityContainment.Benchmarks.Measurement;

/// <summary>
/// Timestamps taken as a process passes each phase; a phase lasts from the previous mark to its own. The first
/// reference is the parent's launch timestamp: Stopwatch timestamps come from the system-wide monotonic clock
/// (CLOCK_MONOTONIC on Linux, QueryPerformanceCounter on Windows), so they compare across processes.
/// </summary>
internal sealed class PhaseMarks
{
    private readonly List<(string Phase, long Timestamp)> _marks = [];
    private readonly long _launchedAt;

    public PhaseMarks(long launchedAt) => _launchedAt = launchedAt;

    public void Mark(string phase) => Mark(phase, Stopwatch.GetTimestamp());

    public void Mark(string phase, long timestamp) => _marks.Add((phase, timestamp));

    /// <summary>Each phase's length in milliseconds, in the order the phases were passed.</summary>
    public Dictionary<string, double> ToMilliseconds()
    {
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        long previous = _launchedAt;
        foreach ((string phase, long timestamp) in _marks)
        {
            phases[phase] = Math.Round(Stopwatch.GetElapsedTime(previous, timestamp).TotalMilliseconds, 2);
            previous = timestamp;
        }

        return phases;
    }
}
