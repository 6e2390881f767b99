using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>
/// The least time the write quota allows for a number of writes. The sandbox, like Graph's description of it, keeps
/// the quota as a bucket of <c>WriteQuota</c> writes that refills continuously over <c>WriteWindow</c>: the first
/// <c>WriteQuota</c> writes can go at once, and each later write waits for its share of the window.
/// </summary>
internal static class WriteQuotaMinimum
{
    public static TimeSpan For(int writes, ThrottlingOptions throttling)
    {
        int beyondFirstBurst = Math.Max(0, writes - throttling.WriteQuota);
        return throttling.WriteWindow * ((double)beyondFirstBurst / throttling.WriteQuota);
    }
}
