namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>
/// What a method is judged against besides itself: when the compromise began (-Since), the times of the user's sign-ins
/// the sign-in analysis flagged, the security info registrations the directory audit log records (the registration time
/// of record for methods Graph lists undated), and the moment of judging (a Temporary Access Pass Graph did not mark is
/// timed against it).
/// </summary>
public sealed record MethodReviewCriteria
{
    /// <summary>
    /// How long after a flagged sign-in a registration counts as made from it: the default access token lifetime, which
    /// Microsoft gives as a random 60 to 90 minutes (learn.microsoft.com, "Configurable token lifetimes in the Microsoft
    /// identity platform", access token lifetime). A registration needs a fresh sign-in or a token that still works.
    /// </summary>
    public static readonly TimeSpan SignInSessionSpan = TimeSpan.FromMinutes(90);

    /// <summary>The compromise start; null when not known (then the registration time alone flags nothing).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The sign-ins the sign-in analysis flagged, of any of the users judged; empty when none were given.</summary>
    public IReadOnlyList<FlaggedSignIn> SuspiciousSignIns { get; init; } = Array.Empty<FlaggedSignIn>();

    /// <summary>
    /// The registrations the directory audit log records (SecurityInfoLog.ReadAsync), of any of the users judged; empty
    /// when the log was not read. Only those at or after <see cref="Since"/> count.
    /// </summary>
    public IReadOnlyList<SecurityInfoRegistration> Registrations { get; init; } = Array.Empty<SecurityInfoRegistration>();

    /// <summary>The moment of judging (UTC now unless a test fixes it).</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The latest of the user's flagged sign-ins whose session a registration at <paramref name="registered"/> falls within, if any.</summary>
    public DateTimeOffset? SignInBehind(string userId, DateTimeOffset registered) =>
        SuspiciousSignIns
            .Where(s => string.Equals(s.UserId, userId, StringComparison.OrdinalIgnoreCase) && registered >= s.At && registered - s.At <= SignInSessionSpan)
            .Select(s => (DateTimeOffset?)s.At)
            .OrderByDescending(at => at)
            .FirstOrDefault();

    /// <summary>The user's registrations the log records since the compromise began, latest first; none without a -Since.</summary>
    public IEnumerable<SecurityInfoRegistration> RegistrationsSinceCompromise(string userId) =>
        Since is { } since
            ? Registrations.Where(r => r.At >= since && string.Equals(r.UserId, userId, StringComparison.OrdinalIgnoreCase)).OrderByDescending(r => r.At)
            : Enumerable.Empty<SecurityInfoRegistration>();
}
