using IdentityContainment.Benchmarks.Reporting;

namespace IdentityContainment.Benchmarks.OAuthHunt;

/// <summary>What a whole-tenant OAuth hunt must achieve (issue 14, "Performance").</summary>
internal static class OAuthHuntGoals
{
    /// <summary>An analyst sees the first finding while the rest of the tenant is still being read.</summary>
    public static readonly Goal FirstFinding = new(2, "s");

    /// <summary>The process hosting the module, runspace included; Azure Automation gives a whole job 400 MB.</summary>
    public static readonly Goal PeakWorkingSet = new(300, "MB");

    /// <summary>
    /// "Requests close to pages + distinct SPs / 20": the issue gives no number, so close is read as at most 10 % more
    /// round trips than that floor, whatever else the hunt needs (consenter counts, data APIs, connect's probe).
    /// </summary>
    public const double MaximumRequestRatio = 1.10;

    /// <summary>Graph's batch limit: the most service principals one round trip can read.</summary>
    public const int ServicePrincipalsPerBatch = 20;
}
