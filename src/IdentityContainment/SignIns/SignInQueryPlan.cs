using System.Globalization;

namespace IdentityContainment.SignIns;

/// <summary>
/// Chooses how to ask the sign-in log for many users, by the requests each shape needs (issue 16: "for many users prefer
/// the query shape that needs fewer pages"). A query per user costs at least one request per user, and one more per
/// 1,000 of their sign-ins; the one query over the time range costs the whole tenant's log for it, 1,000 sign-ins a
/// page. Which is cheaper depends on how much of the log the users asked about are, which only the log can say: from
/// <see cref="ProbeFromUsers"/> users on, its first page (newest first) is read, and both costs are estimated from the
/// time its 1,000 sign-ins span and how many of them are each user's. That page is the first of the time-range query,
/// so choosing that shape loses nothing; choosing a query per user costs the one request. The rest of the time range is
/// read in up to <see cref="MostSlices"/> time slices at once, at one part-full page more per slice, counted in.
/// </summary>
public static class SignInQueryPlan
{
    /// <summary>
    /// Below this many users a query each is taken without asking the log: at worst a tenth more requests than the
    /// tenant-wide query would have needed, and no probe request spent.
    /// </summary>
    public const int ProbeFromUsers = 10;

    /// <summary>
    /// Time slices of the range read at once, at most. The budget admits a request every 2 s (5 per 10 s); three pages on
    /// their way keep it busy while a page takes up to 6 s to come back (the sign-in log is slow on large tenants), and
    /// hold fewer pages in memory than five would.
    /// </summary>
    public const int MostSlices = 3;

    /// <summary>Sign-ins per page of the log (the signIn list's maximum and default page size, CONTRACT §9).</summary>
    public const int PageSize = 1000;

    /// <summary>Whether the log is worth a probe page before choosing, for this many users.</summary>
    public static bool WorthProbing(int users) => users >= ProbeFromUsers;

    /// <summary>The choice for a few users, without a probe: a query each.</summary>
    public static SignInQueryChoice WithoutProbe(int users) =>
        new(SignInQueryShape.PerUser, users, null, $"{Count(users, "user")}: a query per user (from {ProbeFromUsers} users on, the log's first page is read to compare both query shapes).");

    /// <summary>
    /// The shape that needs fewer requests for <paramref name="users"/> (object ids) over <paramref name="from"/> to
    /// <paramref name="until"/>, given the probe page's <paramref name="sample"/>. A tie goes to the time range, whose first
    /// page is already read.
    /// </summary>
    public static SignInQueryChoice Choose(SignInLogSample sample, IReadOnlyCollection<string> users, DateTimeOffset from, DateTimeOffset until)
    {
        if (sample is null)
        {
            throw new ArgumentNullException(nameof(sample));
        }

        if (users is null)
        {
            throw new ArgumentNullException(nameof(users));
        }

        if (sample.IsWholeLog)
        {
            return new SignInQueryChoice(SignInQueryShape.TimeRange, users.Count + 1, 1,
                $"The tenant's whole log for the time range fitted on the first page ({Count(sample.Items, "sign-in")}): read for {Count(users.Count, "user")} with 1 request instead of {users.Count}.");
        }

        // The page holds the newest sign-ins; the log is taken to go on at the same rate back to the range's start. A page
        // whose sign-ins all share one second still spans at least that second.
        TimeSpan range = until - from;
        TimeSpan spanned = sample.Oldest is { } oldest && until - oldest > TimeSpan.FromSeconds(1) ? until - oldest : TimeSpan.FromSeconds(1);
        double scale = Math.Max(1, range.TotalSeconds / spanned.TotalSeconds);
        // Past the probe page the rest is read in time slices at once, each ending in a part-full page of its own.
        int rest = Math.Max(1, Pages(sample.Items * scale) - 1);
        int slices = Math.Min(rest, MostSlices);
        int timeRange = 1 + rest + (slices - 1);
        int perUser = 1 + users.Sum(user => Math.Max(1, Pages((sample.ByUser.TryGetValue(user, out int onPage) ? onPage : 0) * scale)));

        // The probe is the time range's first page; for the per-user shape it is spent either way.
        return timeRange <= perUser
            ? new SignInQueryChoice(SignInQueryShape.TimeRange, perUser, timeRange,
                $"One query over the time range for {Count(users.Count, "user")}, the rest after its first page in {Count(slices, "time slice")} read at once: about {Count(timeRange, "request")} for the tenant's log, against about {perUser} with a query per user.",
                slices)
            : new SignInQueryChoice(SignInQueryShape.PerUser, perUser, timeRange,
                $"A query per user for {Count(users.Count, "user")}: about {Count(perUser, "request")}, against about {timeRange} for the tenant's whole log over the time range.");
    }

    /// <summary>The pages a number of sign-ins fills: a part-full page is a request too.</summary>
    private static int Pages(double signIns) => (int)Math.Min(int.MaxValue / 2, Math.Ceiling(signIns / PageSize));

    private static string Count(int n, string noun) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
