using IdentityContainment.Graph;

namespace IdentityContainment.Engine.Tests;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData("2.128", 2128)]
    [InlineData("10", 10000)]
    [InlineData("0", 0)]
    public void Retry_after_seconds_are_honoured_including_fractions(string header, int milliseconds) =>
        Assert.Equal(milliseconds, (int)RetryPolicy.Default.DelayFor(header, attempt: 1).TotalMilliseconds);

    [Fact]
    public void Retry_after_as_a_date_waits_until_then()
    {
        string header = DateTimeOffset.UtcNow.AddSeconds(30).ToString("r");
        TimeSpan delay = RetryPolicy.Default.DelayFor(header, attempt: 1);
        Assert.InRange(delay.TotalSeconds, 25, 31);
    }

    [Fact]
    public void Without_retry_after_the_wait_doubles_each_attempt()
    {
        var policy = new RetryPolicy { BaseDelay = TimeSpan.FromSeconds(1) };

        Assert.InRange(policy.DelayFor(null, 1).TotalSeconds, 1.0, 1.2);
        Assert.InRange(policy.DelayFor(null, 2).TotalSeconds, 2.0, 2.4);
        Assert.InRange(policy.DelayFor(null, 3).TotalSeconds, 4.0, 4.8);
    }

    [Fact]
    public void Waits_never_exceed_the_cap()
    {
        var policy = new RetryPolicy { MaxDelay = TimeSpan.FromSeconds(5) };

        Assert.Equal(TimeSpan.FromSeconds(5), policy.DelayFor("3600", 1));
        Assert.True(policy.DelayFor(null, 20) <= TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(429, false, 1, true)]
    [InlineData(503, true, 1, true)]
    [InlineData(504, true, 1, true)]
    [InlineData(503, false, 1, false)]
    [InlineData(500, true, 1, false)]
    [InlineData(404, true, 1, false)]
    [InlineData(429, true, 8, false)]
    public void Throttling_is_always_retried_and_outages_only_when_repeating_is_harmless(int status, bool repeatable, int attempt, bool retried) =>
        Assert.Equal(retried, RetryPolicy.Default.ShouldRetry(status, repeatable, attempt));
}
