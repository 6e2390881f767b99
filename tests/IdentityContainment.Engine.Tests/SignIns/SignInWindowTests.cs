using IdentityContainment.SignIns;

namespace IdentityContainment.Engine.Tests.SignIns;

public sealed class SignInWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_Since_the_last_7_days_are_judged_and_14_days_before_them_read_as_the_baseline()
    {
        SignInWindow window = SignInWindow.For(null, null, Now);

        Assert.Equal((Now.AddDays(-21), Now.AddDays(-7), Now), (window.ReadFrom, window.Start, window.End));
        Assert.Null(window.Warning);
    }

    [Fact]
    public void The_baseline_is_cut_at_the_logs_30_days_and_says_so()
    {
        SignInWindow window = SignInWindow.For(Now.AddDays(-25), null, Now);

        Assert.Equal(Now.AddDays(-30), window.ReadFrom);
        Assert.Contains("Only 5 days before -Since", window.Warning);
    }

    [Fact]
    public void A_Since_older_than_the_log_keeps_reads_what_is_left_and_warns()
    {
        SignInWindow window = SignInWindow.For(Now.AddDays(-45), Now.AddDays(-20), Now);

        Assert.Equal(Now.AddDays(-45), window.ReadFrom);
        Assert.Equal(Now.AddDays(-45), window.Start);
        Assert.Contains("30 days", window.Warning);
    }

    [Fact]
    public void Until_before_Since_is_refused_with_what_to_do()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => SignInWindow.For(Now.AddDays(-1), Now.AddDays(-2), Now));

        Assert.Contains("give -Until after -Since", error.Message);
    }
}
