using IdentityContainment.SignIns;

namespace IdentityContainment.Engine.Tests.SignIns;

/// <summary>
/// Which query shape the hunt takes, from the first page of the tenant's log (newest first): the shape that needs fewer
/// requests, each estimated from how far back the page reaches and how many of its sign-ins are each asked user's.
/// </summary>
public sealed class SignInQueryPlanTests
{
    private static readonly DateTimeOffset Until = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset From = Until.AddDays(-21);

    [Theory]
    [InlineData(1, false)]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void Fewer_than_ten_users_take_a_query_each_without_a_probe(int users, bool probe)
    {
        Assert.Equal(probe, SignInQueryPlan.WorthProbing(users));
        Assert.Equal(SignInQueryShape.PerUser, SignInQueryPlan.WithoutProbe(users).Shape);
    }

    [Fact]
    public void A_log_that_fits_on_its_first_page_is_read_with_that_one_request()
    {
        string[] users = Users(12);
        SignInQueryChoice choice = SignInQueryPlan.Choose(new SignInLogSample(36, IsWholeLog: true, Until.AddDays(-20), users.ToDictionary(u => u, _ => 3)), users, From, Until);

        Assert.Equal(SignInQueryShape.TimeRange, choice.Shape);
        Assert.Equal(1, choice.TimeRangeRequests);
        Assert.Equal(13, choice.PerUserRequests);
    }

    /// <summary>
    /// 100 users, the whole log between them, 2,000 sign-ins each over 30 days: the newest 1,000 span 3.6 hours, so the
    /// 21 days read are 140 pages of the tenant's log (and up to 2 part-full ones, the last of each of the 3 time slices
    /// read at once after the first page), where each user's 1,400 sign-ins would cost two pages of their own.
    /// </summary>
    [Fact]
    public void Users_who_are_most_of_the_log_are_read_with_the_one_query_over_the_time_range()
    {
        string[] users = Users(100);
        SignInQueryChoice choice = SignInQueryPlan.Choose(new SignInLogSample(1000, false, Until.AddSeconds(-12_960), users.ToDictionary(u => u, _ => 10)), users, From, Until);

        Assert.Equal(SignInQueryShape.TimeRange, choice.Shape);
        Assert.Equal(142, choice.TimeRangeRequests);
        Assert.Equal(3, choice.Slices);
        Assert.Equal(201, choice.PerUserRequests);
    }

    /// <summary>
    /// Twelve users in a busy tenant: 1,000 sign-ins an hour, two of them each user's. The tenant's 21 days are 504
    /// pages (506 with the slices' part-full ones); the users' own about 1,000 sign-ins each, one or two pages.
    /// </summary>
    [Fact]
    public void A_few_users_of_a_busy_tenant_are_read_with_a_query_each()
    {
        string[] users = Users(12);
        SignInQueryChoice choice = SignInQueryPlan.Choose(new SignInLogSample(1000, false, Until.AddHours(-1), users.ToDictionary(u => u, _ => 2)), users, From, Until);

        Assert.Equal(SignInQueryShape.PerUser, choice.Shape);
        Assert.Equal(506, choice.TimeRangeRequests);
        Assert.Equal(1 + 12 * 2, choice.PerUserRequests);
        Assert.Contains("A query per user", choice.Reason);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(99, 3)]
    public void The_rest_of_the_time_range_is_read_in_at_most_three_slices_and_never_more_than_its_pages(int restPages, int slices)
    {
        string[] users = Users(200);
        DateTimeOffset oldest = Until - TimeSpan.FromTicks((Until - From).Ticks / (restPages + 1));
        SignInQueryChoice choice = SignInQueryPlan.Choose(new SignInLogSample(1000, false, oldest, users.ToDictionary(u => u, _ => 5)), users, From, Until);

        Assert.Equal(SignInQueryShape.TimeRange, choice.Shape);
        Assert.Equal(slices, choice.Slices);
        Assert.Equal(1 + restPages + slices - 1, choice.TimeRangeRequests);
    }

    [Fact]
    public void A_user_absent_from_the_first_page_still_costs_a_request_of_their_own()
    {
        string[] users = Users(10);
        SignInQueryChoice choice = SignInQueryPlan.Choose(new SignInLogSample(1000, false, Until.AddHours(-1), new Dictionary<string, int>()), users, From, Until);

        Assert.Equal(1 + 10, choice.PerUserRequests);
        Assert.Equal(SignInQueryShape.PerUser, choice.Shape);
    }

    private static string[] Users(int count) => Enumerable.Range(0, count).Select(i => new Guid(i + 1, 0, 0, new byte[8]).ToString("D")).ToArray();
}
