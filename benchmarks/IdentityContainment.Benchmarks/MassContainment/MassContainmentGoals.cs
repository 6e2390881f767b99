namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>
/// What mass containment must achieve (DESIGN.md §8): far faster than the loop people write by hand, close to the
/// fastest the write quota allows, and never a lost, doubled or throttled-and-failed action.
/// </summary>
internal static class MassContainmentGoals
{
    /// <summary>The module must be at least this many times faster than the naive loop.</summary>
    public const double MinimumSpeedup = 20;

    /// <summary>Under the write quota, wall time may be at most this multiple of the least the quota allows.</summary>
    public const double MaximumQuotaRatio = 1.15;
}
