using IdentityContainment.Graph;
using Microsoft.Extensions.Time.Testing;

namespace IdentityContainment.Engine.Tests;

public sealed class WriteQuotaPacerTests
{
    // Only stops a broken pacer from hanging the run; no assertion depends on how long anything takes.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Writes_within_the_quota_go_at_once()
    {
        var pacer = new WriteQuotaPacer(quota: 60, window: TimeSpan.FromSeconds(10));

        for (int batch = 0; batch < 3; batch++)
        {
            await pacer.AcquireAsync(20, CancellationToken.None);
        }

        Assert.Equal(TimeSpan.Zero, pacer.Waited);
    }

    [Fact]
    public async Task Once_the_quota_is_spent_the_next_batch_waits_only_for_its_share_to_refill()
    {
        // 40 writes per 2 s refills 20 writes a second: after the burst, 20 more wait one second, not the whole 2-s
        // window a sliding count would make them wait. The test moves the pacer's clock itself, so load cannot skew it.
        var clock = new FakeTimeProvider();
        var pacer = new WriteQuotaPacer(quota: 40, window: TimeSpan.FromSeconds(2), clock: clock);
        await pacer.AcquireAsync(20, CancellationToken.None);
        await pacer.AcquireAsync(20, CancellationToken.None);
        Assert.False(pacer.IsPacing);

        Task third = pacer.AcquireAsync(20, CancellationToken.None);
        Assert.True(pacer.IsPacing, "A request waiting for quota is what readers must not mistake for a slow Graph.");
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted, "20 writes need a full second of refill.");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(HangGuard);

        Assert.False(pacer.IsPacing);
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Waited);
    }

    [Fact]
    public async Task Headroom_is_never_spent_but_the_refill_keeps_graphs_full_rate()
    {
        // 60 writes per 3 s (20 a second) with 20 kept back: 40 go at once, the next 20 wait for a second's refill.
        var clock = new FakeTimeProvider();
        var pacer = new WriteQuotaPacer(quota: 60, window: TimeSpan.FromSeconds(3), headroom: 20, clock: clock);
        await pacer.AcquireAsync(40, CancellationToken.None);

        Task next = pacer.AcquireAsync(20, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted, "The headroom is not spent: the next 20 wait for the refill.");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(HangGuard);

        Assert.Equal(40, pacer.Quota);
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Waited);
    }

    [Fact]
    public async Task Waiting_for_quota_stops_at_ctrl_c()
    {
        var pacer = new WriteQuotaPacer(quota: 20, window: TimeSpan.FromMinutes(5), clock: new FakeTimeProvider());
        await pacer.AcquireAsync(20, CancellationToken.None);
        using var stop = new CancellationTokenSource();

        Task waiting = pacer.AcquireAsync(1, stop.Token);
        Assert.True(pacer.IsPacing);
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(HangGuard));
        Assert.False(pacer.IsPacing);
    }

    [Fact]
    public async Task More_writes_than_the_whole_quota_in_one_request_are_refused() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new WriteQuotaPacer(10, TimeSpan.FromSeconds(1)).AcquireAsync(11, CancellationToken.None));
}
