using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>Everything one mass-containment run measured, and whether each goal was met.</summary>
internal sealed record MassContainmentResult
{
    public required int Users { get; init; }
    public required int ExcludedUsers { get; init; }
    public required ModuleRunOutput Module { get; init; }
    public required GraphTraffic Traffic { get; init; }
    public required ContainmentCheck Check { get; init; }
    public required ThrottlingOptions Throttling { get; init; }
    public required NaiveLoopMeasurement? Naive { get; init; }
    public required RevocationBudget? Budget { get; init; }

    public TimeSpan QuotaMinimum => WriteQuotaMinimum.For(Traffic.Writes, Throttling);

    /// <summary>Only meaningful when the quota forces waiting at all; a run inside the first burst has no minimum.</summary>
    public double? QuotaRatio => QuotaMinimum > TimeSpan.Zero ? Module.Wall / QuotaMinimum : null;

    public double? Speedup => Naive is null ? null : Naive.EstimatedWall / Module.Wall;

    public bool SpeedupGoalMet => Speedup is not { } s || s >= MassContainmentGoals.MinimumSpeedup;

    public bool QuotaGoalMet => QuotaRatio is not { } r || r <= MassContainmentGoals.MaximumQuotaRatio;

    public bool NoThrottlingSurfaced => Module.ThrottlingErrors == 0;

    public bool BudgetGoalMet => Budget is not { } b || b.GoalMet;

    public bool AllGoalsMet => SpeedupGoalMet && QuotaGoalMet && NoThrottlingSurfaced && Check.IsClean && BudgetGoalMet;
}

/// <summary>The naive loop, measured on <see cref="MeasuredUsers"/> and scaled linearly to the module's user count.</summary>
internal sealed record NaiveLoopMeasurement(int MeasuredUsers, int Users, NaiveLoopContainment.Result Result, int OpenFootholds)
{
    public TimeSpan EstimatedWall => Result.Wall * ((double)Users / MeasuredUsers);

    public bool IsExtrapolated => MeasuredUsers != Users;
}
