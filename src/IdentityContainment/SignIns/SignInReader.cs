using System.Globalization;
using System.Runtime.CompilerServices;
using IdentityContainment.Connection;
using IdentityContainment.Detection.SignIns;
using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.SignIns;

/// <summary>
/// Reads users' sign-in logs: one filtered query per user and time range
/// (/auditLogs/signIns?$filter=userId eq '…' and createdDateTime ge … and createdDateTime le …&amp;$top=1000), every page.
/// Each request goes through the connection's audit-log budget (5 per 10 s per app and tenant, CONTRACT §13;
/// RequestClassifier files /auditLogs under it), so many users are read at once and the budget alone sets the pace.
/// </summary>
/// <remarks>
/// A query for several named users at once would need `userId in (…)` or `or`; the signIn resource page lists only `eq`
/// for userId (CONTRACT §9), so it is not used. The two shapes Graph documents: a query per user (<see cref="ReadAsync"/>,
/// <see cref="ReadEachAsync"/>), which costs one part-full page per user beyond the 1,000-sign-in pages, and one query over
/// the time range for everyone (<see cref="ReadWindowAsync"/>), which costs the whole tenant's pages once. The second is
/// cheaper when the users asked about are most of the log or sign in rarely.
/// </remarks>
public static class SignInReader
{
    /// <summary>Users read at once: as many as the log's budget admits requests in a window, so it is never idle.</summary>
    public const int DefaultConcurrentUsers = 5;

    /// <summary>The first page's url for one user's sign-ins from <paramref name="from"/> to <paramref name="until"/>, both included.</summary>
    public static ListRequest RequestFor(string userId, DateTimeOffset from, DateTimeOffset until)
    {
        // userId takes eq with a quoted string; createdDateTime takes ge and le with an unquoted timestamp (CONTRACT §9).
        string filter = $"userId eq '{userId}' and createdDateTime ge {Timestamp(from)} and createdDateTime le {Timestamp(until, roundUp: true)}";
        return ListRequest.For("/auditLogs/signIns?$filter=" + Uri.EscapeDataString(filter));
    }

    /// <summary>One user's sign-ins, newest first as Graph gives them; a refusal or failure is in the result, never thrown.</summary>
    public static async Task<UserSignIns> ReadAsync(GraphConnection connection, string userId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        if (!Guid.TryParse(userId, out Guid id))
        {
            return NotAnObjectId(userId, from, until);
        }

        if (until < from)
        {
            return new UserSignIns(userId, from, until, Array.Empty<SignInFacts>(), 0, new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "SignInWindowReversed",
                $"The time range for '{userId}' ends ({Timestamp(until)}) before it starts ({Timestamp(from)}). Give -Until after -Since.",
                userId));
        }

        string objectId = id.ToString("D");
        var signIns = new List<SignInFacts>();
        var shared = new SharedTexts();
        int pages = 0;
        await foreach (ListPage<ListRequest> page in connection.ReadListAsync(RequestFor(objectId, from, until), cancellationToken).ConfigureAwait(false))
        {
            signIns.AddRange(page.Items.Select(item => SignInJson.Read(item, shared)));
            if (page.Outcome is { IsComplete: false } stopped)
            {
                return new UserSignIns(objectId, from, until, signIns, stopped.PagesRead, SignInLogRefusal.Translate(stopped, objectId));
            }

            pages = page.Number;
        }

        return new UserSignIns(objectId, from, until, signIns, pages, null);
    }

    /// <summary>
    /// The first page of the query over the whole tenant's log for the time range, read alone (the next page is not asked
    /// for): what <see cref="SignInQueryPlan"/> estimates both shapes' costs from, and, passed to
    /// <see cref="ReadWindowAsync"/>, that query's first page. A refusal or failure is in the result, never thrown.
    /// </summary>
    public static async Task<SignInLogProbe> ProbeAsync(GraphConnection connection, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        GraphCallAnswer answer;
        try
        {
            answer = await connection.SendJsonAsync(HttpMethod.Get, WindowRequest(from, until).Url, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new SignInLogProbe(Array.Empty<SignInFacts>(), null, ListOutcome.NotAnswered(0, ex));
        }

        if (!answer.IsSuccess)
        {
            return new SignInLogProbe(Array.Empty<SignInFacts>(), null, ListOutcome.Failed(0, answer.Error));
        }

        CollectionPage page = CollectionPage.Read(answer.Body);
        SignInFacts[] signIns = page.Items.Select(SignInJson.Read).ToArray();
        if (page.NextLink is null)
        {
            return new SignInLogProbe(signIns, null, null);
        }

        return CollectionPage.RelativeToVersionRoot(page.NextLink, connection.GraphEndpoint) is { } next
            ? new SignInLogProbe(signIns, next, null)
            : new SignInLogProbe(signIns, null, ListOutcome.LinkOffGraph(1, answer.RequestId));
    }

    /// <summary>
    /// Many users' sign-ins from the query over the whole tenant's log for the time range
    /// (createdDateTime ge … and createdDateTime le …), kept for the users asked about. Fewer requests than a query per
    /// user when those users are most of the log (a tenant-wide hunt, or many users who sign in rarely: a user with three
    /// sign-ins costs a request of their own per user, here a share of a page); more when they are a few of many. A
    /// failure fails every user's result, as they share the read.
    /// </summary>
    /// <remarks>
    /// Graph pages a query one link after another, so one query is read at the pace of one page's round trip. Split into
    /// <paramref name="slices"/> consecutive time ranges read at once, the budget (5 requests per 10 s) sets the pace
    /// instead, for at most one part-full page more per slice. The slices meet at whole seconds, each boundary second in
    /// both, and a sign-in read twice there is kept once (by its id). With <paramref name="firstPage"/> (a
    /// <see cref="ProbeAsync"/> of the same range) that page is not asked for again: the slices cover what is older.
    /// </remarks>
    public static async Task<IReadOnlyList<UserSignIns>> ReadWindowAsync(
        GraphConnection connection,
        IEnumerable<string> userIds,
        DateTimeOffset from,
        DateTimeOffset until,
        CancellationToken cancellationToken,
        SignInLogProbe? firstPage = null,
        int slices = 1)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        string[] asked = userIds.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var wanted = new HashSet<string>(asked.Where(u => Guid.TryParse(u, out _)).Select(u => Guid.Parse(u).ToString("D")), StringComparer.OrdinalIgnoreCase);
        var parts = new List<IReadOnlyList<SignInFacts>>();
        int pages = 0;
        ListOutcome? stoppedAt = firstPage?.Stopped;
        DateTimeOffset? restUntil = until;
        if (firstPage is not null)
        {
            parts.Add(firstPage.SignIns.Where(s => wanted.Contains(s.UserId)).ToArray());
            pages = stoppedAt is null ? 1 : stoppedAt.PagesRead;
            restUntil = stoppedAt is null && firstPage.NextUrl is not null ? firstPage.SignIns.Min(s => s.CreatedDateTime) : null;
        }

        if (restUntil is { } end && end >= from)
        {
            var shared = new SharedTexts();
            SliceRead[] reads = await Task.WhenAll(Slices(from, end, slices).Select(slice => ReadSliceAsync(connection, wanted, shared, slice.From, slice.Until, cancellationToken))).ConfigureAwait(false);
            parts.AddRange(reads.Select(r => r.SignIns));
            pages += reads.Sum(r => r.Pages);
            stoppedAt ??= reads.Select(r => r.Stopped).FirstOrDefault(o => o is not null);
        }

        Dictionary<string, List<SignInFacts>> byUser = wanted.ToDictionary(u => u, _ => new List<SignInFacts>(), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (SignInFacts signIn in parts.SelectMany(p => p))
        {
            if (signIn.Id.Length == 0 || seen.Add(signIn.Id))
            {
                byUser[signIn.UserId].Add(signIn);
            }
        }

        // The shared read's refusal is each user's own error, naming them, as a query of their own would have.
        return asked.Select(user => byUser.TryGetValue(user, out List<SignInFacts>? theirs)
            ? new UserSignIns(Guid.Parse(user).ToString("D"), from, until, theirs, pages, stoppedAt is null ? null : SignInLogRefusal.Translate(stoppedAt, Guid.Parse(user).ToString("D")))
            : NotAnObjectId(user, from, until)).ToArray();
    }

    /// <summary>
    /// <paramref name="count"/> consecutive ranges of equal length from <paramref name="from"/> to <paramref name="until"/>,
    /// meeting at whole seconds (the filter's precision), each boundary in both; fewer when the range is too short.
    /// </summary>
    internal static IReadOnlyList<(DateTimeOffset From, DateTimeOffset Until)> Slices(DateTimeOffset from, DateTimeOffset until, int count)
    {
        long seconds = Math.Max(0, (long)(until - from).TotalSeconds);
        int n = (int)Math.Max(1, Math.Min(count, seconds));
        var slices = new List<(DateTimeOffset From, DateTimeOffset Until)>(n);
        DateTimeOffset start = from;
        for (int i = 1; i <= n; i++)
        {
            DateTimeOffset end = i == n ? until : from.AddSeconds(Math.Floor(seconds * (double)i / n));
            slices.Add((start, end));
            start = end;
        }

        return slices;
    }

    private static async Task<SliceRead> ReadSliceAsync(GraphConnection connection, HashSet<string> wanted, SharedTexts shared, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var theirs = new List<SignInFacts>();
        int pages = 0;
        await foreach (ListPage<ListRequest> page in connection.ReadListAsync(WindowRequest(from, until), cancellationToken).ConfigureAwait(false))
        {
            // Only the users asked about are read into facts; the rest of the tenant's page is skipped by its userId.
            theirs.AddRange(page.Items.Where(item => GraphJson.Text(item, "userId") is { } user && wanted.Contains(user)).Select(item => SignInJson.Read(item, shared)));
            if (page.Outcome is { IsComplete: false } stopped)
            {
                return new SliceRead(theirs, stopped.PagesRead, stopped);
            }

            pages = page.Number;
        }

        return new SliceRead(theirs, pages, null);
    }

    /// <summary>One time slice's sign-ins of the users asked about, its pages, and how it stopped if it did not end.</summary>
    private sealed record SliceRead(IReadOnlyList<SignInFacts> SignIns, int Pages, ListOutcome? Stopped);

    /// <summary>
    /// Many users' sign-ins, each handed over as soon as it is read whole (not in input order), with
    /// <paramref name="concurrentUsers"/> reads in flight. One user's refusal or failure is that user's result; the rest go on.
    /// </summary>
    public static async IAsyncEnumerable<UserSignIns> ReadEachAsync(
        GraphConnection connection,
        IEnumerable<string> userIds,
        DateTimeOffset from,
        DateTimeOffset until,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        int concurrentUsers = DefaultConcurrentUsers)
    {
        if (concurrentUsers <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(concurrentUsers), concurrentUsers, "At least one user must be read at a time.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var turns = new SemaphoreSlim(concurrentUsers, concurrentUsers);
        var pending = userIds.Distinct(StringComparer.OrdinalIgnoreCase).Select(async user =>
        {
            await turns.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                return await ReadAsync(connection, user, from, until, stop.Token).ConfigureAwait(false);
            }
            finally
            {
                turns.Release();
            }
        }).ToList();

        try
        {
            while (pending.Count > 0)
            {
                Task<UserSignIns> done = await Task.WhenAny(pending).ConfigureAwait(false);
                pending.Remove(done);
                yield return await done.ConfigureAwait(false);
            }
        }
        finally
        {
            // A caller that stops early leaves reads in flight: cancel them and let them end before the semaphore goes.
            stop.Cancel();
            foreach (Task<UserSignIns> left in pending)
            {
                try
                {
                    await left.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    /// <summary>The query over the whole tenant's log for the time range: every user's sign-ins in it.</summary>
    private static ListRequest WindowRequest(DateTimeOffset from, DateTimeOffset until) =>
        ListRequest.For("/auditLogs/signIns?$filter=" + Uri.EscapeDataString($"createdDateTime ge {Timestamp(from)} and createdDateTime le {Timestamp(until, roundUp: true)}"));

    /// <summary>The log's userId is the object id; a UPN or name would match nothing and look like a quiet user.</summary>
    private static UserSignIns NotAnObjectId(string userId, DateTimeOffset from, DateTimeOffset until) =>
        new(userId, from, until, Array.Empty<SignInFacts>(), 0, new ContainmentException(
            ContainmentErrorKind.InvalidArgument,
            "SignInUserIdNotObjectId",
            $"'{userId}' is not a user object id: the sign-in log is filtered by the user's object id. Resolve the user first (Get-ContainmentUser) and pass its Id.",
            userId));

    /// <summary>To the second: a start is rounded down and an end up, so the range never loses a sign-in to rounding.</summary>
    private static string Timestamp(DateTimeOffset at, bool roundUp = false)
    {
        DateTime utc = at.UtcDateTime;
        DateTime whole = new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        if (roundUp && whole < utc)
        {
            whole = whole.AddSeconds(1);
        }

        return whole.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }
}
