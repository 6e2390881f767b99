using IdentityContainment.Graph.Budgets;
using Microsoft.Extensions.Time.Testing;

namespace IdentityContainment.Engine.Tests;

/// <summary>The logs' 5 requests per 10 s, on a clock the test moves.</summary>
public sealed class SlidingWindowBudgetTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Sixth_request_waits_until_the_first_leaves_the_window()
    {
        var clock = new FakeTimeProvider();
        var logs = new SlidingWindowBudget(SlidingWindowBudget.GraphLogsQuota, SlidingWindowBudget.GraphLogsWindow, clock);
        Assert.True(logs.TryTake(3), "A batch of three log queries spends three of the five.");
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(logs.TryTake(2));
        Assert.False(logs.TryTake(1));

        Task sixth = logs.TakeAsync(1, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(5999));
        Assert.False(sixth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await sixth.WaitAsync(HangGuard);

        Assert.True(logs.TryTake(2), "The other two of the first three left with it.");
        Assert.False(logs.TryTake(1), "The two sent at 4 s are in the window until 14 s.");
    }

    [Fact]
    public void More_requests_than_the_quota_can_never_fit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindowBudget(5, TimeSpan.FromSeconds(10), new FakeTimeProvider()).TryTake(6));
}
