namespace IdentityContainment.SignIns;

/// <summary>
/// What the first page of the tenant-wide query over the time range shows about the log: how many sign-ins it held,
/// whether it was the whole log, how far back the newest 1,000 reach, and how many of them belong to each user asked
/// about. Enough to estimate what each query shape would cost (<see cref="SignInQueryPlan"/>).
/// </summary>
/// <param name="Items">Sign-ins on the page.</param>
/// <param name="IsWholeLog">No next page: the whole time range of the tenant fitted on it.</param>
/// <param name="Oldest">The oldest sign-in on the page (Graph gives the newest first); null for an empty page.</param>
/// <param name="ByUser">Sign-ins on the page per user asked about (object id, any case); users with none are absent.</param>
public sealed record SignInLogSample(int Items, bool IsWholeLog, DateTimeOffset? Oldest, IReadOnlyDictionary<string, int> ByUser);
