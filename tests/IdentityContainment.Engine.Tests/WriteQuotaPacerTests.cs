using System.Diagnostics;
using IdentityContainment.Graph;

namespace IdentityContainment.Engine.Tests;

public sealed class WriteQuotaPacerTests
{
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
        // 40 writes per 2 s refills 20 writes a second: after the burst, 20 more wait about one second, not the whole
        // 2-s window a sliding count would make them wait.
        var pacer = new WriteQuotaPacer(quota: 40, window: TimeSpan.FromSeconds(2));
        await pacer.AcquireAsync(20, CancellationToken.None);
        await pacer.AcquireAsync(20, CancellationToken.None);
        Assert.False(pacer.IsPacing);
        var clock = Stopwatch.StartNew();

        Task third = pacer.AcquireAsync(20, CancellationToken.None);
        Assert.True(pacer.IsPacing, "A request waiting for quota is what readers must not mistake for a slow Graph.");
        await third;

        Assert.InRange(clock.Elapsed.TotalMilliseconds, 850, 1800);
        Assert.False(pacer.IsPacing);
    }

    [Fact]
    public async Task Headroom_is_never_spent_but_the_refill_keeps_graphs_full_rate()
    {
        // 60 writes per 3 s (20 a second) with 20 kept back: 40 go at once, the next 20 wait for a second's refill.
        var pacer = new WriteQuotaPacer(quota: 60, window: TimeSpan.FromSeconds(3), headroom: 20);
        await pacer.AcquireAsync(40, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        await pacer.AcquireAsync(20, CancellationToken.None);

        Assert.Equal(40, pacer.Quota);
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 850, 1800);
    }

    [Fact]
    public async Task Waiting_for_quota_stops_at_ctrl_c()
    {
        var pacer = new WriteQuotaPacer(quota: 20, window: TimeSpan.FromMinutes(5));
        await pacer.AcquireAsync(20, CancellationToken.None);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pacer.AcquireAsync(1, stop.Token));
    }

    [Fact]
    public async Task More_writes_than_the_whole_quota_in_one_request_are_refused() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new WriteQuotaPacer(10, TimeSpan.FromSeconds(1)).AcquireAsync(11, CancellationToken.None));
}
