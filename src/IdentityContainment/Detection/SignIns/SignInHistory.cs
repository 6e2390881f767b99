namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// One user's sign-ins, in time order, with what the rules compare each one against: the window being judged, the
/// sign-ins before it (the user's usual IPs and countries), the time their sessions were revoked
/// (signInSessionsValidFromDateTime), and device registrations known from elsewhere (the directory audit log or the
/// devices' registrationDateTime: the hook for registrations the sign-in log does not show).
/// </summary>
public sealed class SignInHistory
{
    private readonly SignInFacts[] _ordered;
    private readonly Dictionary<string, SignInFacts[]> _byCorrelation;
    private readonly Dictionary<SignInFacts, int> _positions;
    private readonly DateTimeOffset[] _passwordAttempts;
    private readonly DateTimeOffset[] _mfaDenials;
    private readonly DateTimeOffset[] _registrations;

    public SignInHistory(
        string userId,
        IEnumerable<SignInFacts> signIns,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        DateTimeOffset? sessionsRevokedAt = null,
        IEnumerable<DateTimeOffset>? deviceRegistrations = null)
    {
        if (windowEnd < windowStart)
        {
            throw new ArgumentException("The window ends before it starts.", nameof(windowEnd));
        }

        UserId = userId ?? throw new ArgumentNullException(nameof(userId));
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        SessionsRevokedAt = sessionsRevokedAt;

        // Graph lists newest first (CONTRACT §9); the rules think forwards. Ties keep a stable order by id.
        _ordered = (signIns ?? throw new ArgumentNullException(nameof(signIns)))
            .OrderBy(s => s.CreatedDateTime).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
        // Keyed by the whole entry, not its id: an entry Graph sent without an id must not stand for another one.
        _positions = new Dictionary<SignInFacts, int>();
        for (int i = 0; i < _ordered.Length; i++)
        {
            if (!_positions.ContainsKey(_ordered[i]))
            {
                _positions[_ordered[i]] = i;
            }
        }

        _byCorrelation = _ordered
            .Where(s => !string.IsNullOrWhiteSpace(s.CorrelationId))
            .GroupBy(s => s.CorrelationId!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);

        SignInFacts[] before = _ordered.Where(s => s.CreatedDateTime < windowStart).ToArray();
        HasBaseline = before.Length > 0;
        KnownIpAddresses = new HashSet<string>(before.Select(s => s.IpAddress).OfType<string>().Select(ip => ip.Trim()), StringComparer.OrdinalIgnoreCase);
        KnownCountries = new HashSet<string>(before.Select(s => s.CountryOrRegion).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()), StringComparer.OrdinalIgnoreCase);

        // Taken from the time-ordered entries, so sorted: CountInHourTo searches them.
        _passwordAttempts = _ordered.Where(s => SignInSignals.PasswordAttemptCodes.ContainsKey(s.ErrorCode)).Select(s => s.CreatedDateTime).ToArray();
        _mfaDenials = _ordered.Where(s => s.ErrorCode == SignInSignals.MfaDeniedCode).Select(s => s.CreatedDateTime).ToArray();
        _registrations = _ordered.Where(SignInSignals.IsDeviceRegistration).Select(s => s.CreatedDateTime)
            .Concat(deviceRegistrations ?? Array.Empty<DateTimeOffset>())
            .OrderBy(t => t)
            .ToArray();
    }

    public string UserId { get; }

    public DateTimeOffset WindowStart { get; }

    public DateTimeOffset WindowEnd { get; }

    /// <summary>The user's signInSessionsValidFromDateTime: refresh tokens issued before it no longer work.</summary>
    public DateTimeOffset? SessionsRevokedAt { get; }

    /// <summary>Every sign-in, oldest first, before and inside the window.</summary>
    public IReadOnlyList<SignInFacts> SignIns => _ordered;

    /// <summary>The sign-ins the window judges, oldest first.</summary>
    public IEnumerable<SignInFacts> InWindow => _ordered.Where(s => s.CreatedDateTime >= WindowStart && s.CreatedDateTime <= WindowEnd);

    /// <summary>True when any sign-in precedes the window: without one, nothing is "new" for the user.</summary>
    public bool HasBaseline { get; }

    public IReadOnlyCollection<string> KnownIpAddresses { get; }

    public IReadOnlyCollection<string> KnownCountries { get; }

    /// <summary>The last successful sign-in with coordinates before <paramref name="signIn"/>: the start of its journey.</summary>
    public SignInFacts? PreviousLocatedSuccess(SignInFacts signIn)
    {
        for (int i = PositionOf(signIn) - 1; i >= 0; i--)
        {
            if (_ordered[i].Succeeded && _ordered[i].HasCoordinates)
            {
                return _ordered[i];
            }
        }

        return null;
    }

    /// <summary>Other sign-ins that share <paramref name="signIn"/>'s correlation id.</summary>
    public IEnumerable<SignInFacts> SharingCorrelation(SignInFacts signIn) =>
        signIn.CorrelationId is { } id && _byCorrelation.TryGetValue(id.Trim(), out SignInFacts[]? group)
            ? group.Where(s => !s.Equals(signIn))
            : Array.Empty<SignInFacts>();

    /// <summary>Password attempts (wrong password, lockout...) in the hour up to and including the sign-in.</summary>
    public int PasswordAttemptsInHourTo(SignInFacts signIn) => CountInHourTo(_passwordAttempts, signIn.CreatedDateTime);

    /// <summary>Denied or unanswered MFA prompts in the hour up to and including the sign-in.</summary>
    public int MfaDenialsInHourTo(SignInFacts signIn) => CountInHourTo(_mfaDenials, signIn.CreatedDateTime);

    /// <summary>The first device registration after the sign-in and within <paramref name="within"/>; null when none.</summary>
    public DateTimeOffset? RegistrationAfter(SignInFacts signIn, TimeSpan within)
    {
        foreach (DateTimeOffset at in _registrations)
        {
            if (at > signIn.CreatedDateTime && at - signIn.CreatedDateTime <= within)
            {
                return at;
            }
        }

        return null;
    }

    private int PositionOf(SignInFacts signIn) =>
        _positions.TryGetValue(signIn, out int position) ? position
        : throw new ArgumentException($"Sign-in {signIn.Id} is not in {UserId}'s history.", nameof(signIn));

    /// <summary>How many of the sorted <paramref name="times"/> fall in the hour ending at <paramref name="end"/>, by two binary searches.</summary>
    private static int CountInHourTo(DateTimeOffset[] times, DateTimeOffset end)
    {
        DateTimeOffset start = end - TimeSpan.FromHours(1);
        return FirstWhereNot(times, t => t <= end) - FirstWhereNot(times, t => t < start);
    }

    /// <summary>The first index whose time no longer satisfies <paramref name="before"/> (which holds for a prefix of the sorted times).</summary>
    private static int FirstWhereNot(DateTimeOffset[] times, Func<DateTimeOffset, bool> before)
    {
        int low = 0, high = times.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (before(times[middle]))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
