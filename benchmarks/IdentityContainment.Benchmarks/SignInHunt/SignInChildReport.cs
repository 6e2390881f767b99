namespace IdentityContainment.Benchmarks.SignInHunt;

/// <summary>What the process that ran the sign-in hunt says about its run, as one JSON line.</summary>
internal sealed record SignInChildReport
{
    /// <summary>The shape the hunt used (PerUser or TimeRange), named or chosen.</summary>
    public required string Shape { get; init; }

    /// <summary>Why the shape was chosen and what each was expected to cost; null when the shape was named.</summary>
    public required string? Choice { get; init; }

    public required int? EstimatedPerUserRequests { get; init; }

    public required int? EstimatedTimeRangeRequests { get; init; }

    /// <summary>From the first request to the last user's verdict.</summary>
    public required double WallMs { get; init; }

    public required double? FirstVerdictMs { get; init; }

    public required int UsersJudged { get; init; }

    /// <summary>The judged window (the last 7 days at the child's clock); the 14 days before it were read as the baseline.</summary>
    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>Sign-ins of the window judged, every one written as a finding (RiskLevel None when no rule fired).</summary>
    public required int SignInsJudged { get; init; }

    /// <summary>Of those, the ones a rule fired on.</summary>
    public required int Flagged { get; init; }

    /// <summary>ErrorId of each user whose log could not be judged, with how often it came.</summary>
    public required Dictionary<string, int> ErrorIds { get; init; }

    /// <summary>Time the connection waited for the logs' budget (5 requests per window).</summary>
    public required double BudgetWaitMs { get; init; }

    public required double CpuMs { get; init; }

    public required long ReadyPeakWorkingSetBytes { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    public required long ReadyManagedHeapBytes { get; init; }

    public required long PeakManagedHeapBytes { get; init; }
}
