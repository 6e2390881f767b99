using IdentityContainment.Graph.Budgets;
using Microsoft.Extensions.Time.Testing;

namespace IdentityContainment.Engine.Tests;

/// <summary>Identity Protection's one request per second, on a clock the test moves.</summary>
public sealed class SpacedTurnTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Next_request_goes_a_full_interval_after_the_previous_answer()
    {
        var clock = new FakeTimeProvider();
        var turn = new SpacedTurn(TimeSpan.FromSeconds(1), clock);
        await turn.TakeAsync(CancellationToken.None);

        Task second = turn.TakeAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted, "The first request's answer is not back, so it still holds the turn.");

        turn.Release();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted, "Spacing counts from the answer, however long the first request took.");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(HangGuard);
    }

    [Fact]
    public void A_turn_given_back_unused_does_not_restart_the_interval()
    {
        var clock = new FakeTimeProvider();
        var turn = new SpacedTurn(TimeSpan.FromSeconds(1), clock);

        Assert.True(turn.TryTake());
        turn.Return();

        Assert.True(turn.TryTake());
        Assert.False(turn.TryTake());
    }
}
