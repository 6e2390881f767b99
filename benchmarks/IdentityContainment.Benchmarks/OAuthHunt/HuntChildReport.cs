namespace IdentityContainment.Benchmarks.OAuthHunt;

/// <summary>
/// What the process hosting the module says about its run of <c>Get-SuspiciousOAuthGrant -All</c>, as one JSON line.
/// "Ready" values are taken after Import-Module and Connect-IdentityContainment, just before the hunt starts.
/// </summary>
internal sealed record HuntChildReport
{
    public required double WallMs { get; init; }

    /// <summary>From the start of the pipeline to the first finding out of it; null when nothing came out.</summary>
    public required double? FirstFindingMs { get; init; }

    /// <summary>Findings by RiskLevel.</summary>
    public required Dictionary<string, int> FindingsByLevel { get; init; }

    /// <summary>FullyQualifiedErrorId of each error record, with how often it came.</summary>
    public required Dictionary<string, int> ErrorIds { get; init; }

    /// <summary>CPU time this process (the module, the engine, PowerShell) spent during the hunt.</summary>
    public required double CpuMs { get; init; }

    public required long ReadyPeakWorkingSetBytes { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    public required long ReadyManagedHeapBytes { get; init; }

    /// <summary>The largest managed heap seen by sampling every <see cref="Measurement.ManagedHeapPeak.Interval"/> during the hunt.</summary>
    public required long PeakManagedHeapBytes { get; init; }
}
