namespace IdentityContainment.Benchmarks.OAuthHunt;

/// <summary>One run of <c>Get-SuspiciousOAuthGrant -All</c> on the large-consent tenant, and what it cost.</summary>
internal sealed record OAuthHuntResult
{
    public required HuntChildReport Run { get; init; }

    public required HuntTraffic Traffic { get; init; }

    /// <summary>CPU time the benchmark's own process spent while the hunt ran: almost all of it the sandbox serving it.</summary>
    public required TimeSpan SandboxCpu { get; init; }

    /// <summary>Delegated grants in the tenant.</summary>
    public required int Grants { get; init; }

    /// <summary>Service principals the tenant's grants and data-API permissions name.</summary>
    public required int ServicePrincipalsReferenced { get; init; }

    public int GrantPages => Traffic.RoundTripsOf(HuntRequestKind.GrantPage);

    public int DistinctServicePrincipalsRead => Traffic.ServicePrincipalReads.Count;

    public int ServicePrincipalsReadTwice => Traffic.ServicePrincipalReads.Count(r => r.Value > 1);

    /// <summary>The floor: grant pages + ceil(distinct SPs read / 20).</summary>
    public int RequestFloor => GrantPages + Ceiling(DistinctServicePrincipalsRead, OAuthHuntGoals.ServicePrincipalsPerBatch);

    /// <summary>
    /// The floor once the hunt's consenter counts are let in: grant pages + ceil((distinct SPs read + apps counted) / 20),
    /// every item of both kinds packed 20 to a batch. Not a goal: it shows how far the request goal is reachable while
    /// each app's consenters are read on their own.
    /// </summary>
    public int RequestFloorWithConsenterCounts =>
        GrantPages + Ceiling(DistinctServicePrincipalsRead + Traffic.OperationsOf(HuntRequestKind.ConsenterCount), OAuthHuntGoals.ServicePrincipalsPerBatch);

    public int HttpRequests => Traffic.Totals.HttpRequests;

    public double RequestRatio => RequestFloor == 0 ? double.PositiveInfinity : (double)HttpRequests / RequestFloor;

    public int ThrottlingErrors => Run.ErrorIds.Where(e => e.Key.StartsWith("GraphThrottled", StringComparison.Ordinal)).Sum(e => e.Value);

    public double PeakWorkingSetMegabytes => Reporting.Units.Megabytes(Run.PeakWorkingSetBytes);

    public bool EachServicePrincipalOnce => ServicePrincipalsReadTwice == 0;

    public bool RequestGoalMet => RequestRatio <= OAuthHuntGoals.MaximumRequestRatio;

    public bool FirstFindingGoalMet => Run.FirstFindingMs is { } ms && OAuthHuntGoals.FirstFinding.IsMetBy(ms / 1000);

    public bool MemoryGoalMet => OAuthHuntGoals.PeakWorkingSet.IsMetBy(PeakWorkingSetMegabytes);

    public bool AllGoalsMet => EachServicePrincipalOnce && RequestGoalMet && FirstFindingGoalMet && MemoryGoalMet && ThrottlingErrors == 0;

    private static int Ceiling(int value, int divisor) => (value + divisor - 1) / divisor;
}
