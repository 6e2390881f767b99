using IdentityContainment.Containment;

namespace IdentityContainment.Engine.Tests;

public sealed class ReadBackEvidenceTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 3, 9, 0, 0, 500, TimeSpan.Zero);

    [Theory]
    [InlineData(0, true)]       // the second Entra stores, truncated from the moment it was sent
    [InlineData(-0.5, true)]
    [InlineData(30, true)]
    [InlineData(-50, true)]     // within the clock skew Graph and this machine may have
    [InlineData(-61, false)]    // older than any skew: a replica that has not seen the revocation
    [InlineData(-86400, false)]
    public void A_read_shows_the_revocation_only_from_the_moment_it_was_sent_less_the_clock_skew(double secondsFromSent, bool shows)
    {
        var user = new ContainmentUser { Id = "u", SignInSessionsValidFromDateTime = SentAt.AddSeconds(secondsFromSent) };

        Assert.Equal(shows, ReadBackEvidence.ShowsRevocation(user, SentAt));
    }

    [Fact]
    public void A_user_never_revoked_does_not_show_the_revocation()
    {
        Assert.False(ReadBackEvidence.ShowsRevocation(new ContainmentUser { Id = "u" }, SentAt));
    }
}
