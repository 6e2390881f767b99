using IdentityContainment.Benchmarks.Reporting;

namespace IdentityContainment.Benchmarks.ColdStart;

/// <summary>
/// What a cold start must stay under (DESIGN.md §8). Azure Automation gives a whole job 400 MB, so the module's
/// start may take little more than a third of it, leaving the rest for the runbook's own work.
/// </summary>
internal static class ColdStartGoals
{
    public static Goal LaunchToFirstResult { get; } = new(1500, "ms");

    public static Goal PeakWorkingSet { get; } = new(150, "MB");
}
