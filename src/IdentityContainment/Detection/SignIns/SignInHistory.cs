namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// One user's sign-ins, in time order, with what the rules compare each one against: the window being judged, the
/// successful sign-ins before it (the user's usual networks, countries and devices), the time their sessions were revoked
/// (signInSessionsValidFromDateTime), and device registrations known from elsewhere (the directory audit log or the
/// devices' registrationDateTime: the hook for registrations the sign-in log does not show).
/// </summary>
public sealed class SignInHistory
{
    private readonly SignInFacts[] _ordered;
    private readonly Dictionary<string, SignInFacts[]> _byCorrelation;
    private readonly Dictionary<SignInFacts, int> _positions;
    private readonly SignInFacts[] _newSourcePasswordAttempts;
    private readonly SignInFacts[] _newSourceMfaPrompts;
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

        // The baseline is what the user did successfully: a failure proves nothing about who was there (an attacker's spray
        // before the window must not make their IP "known" when they later get in from it).
        SignInFacts[] before = _ordered.Where(s => s.CreatedDateTime < windowStart && s.Succeeded).ToArray();
        HasBaseline = before.Length > 0;
        KnownIpAddresses = new HashSet<string>(before.Select(s => IpNetwork.KeyOf(s.IpAddress)).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        KnownCountries = new HashSet<string>(before.Select(s => s.CountryOrRegion).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()), StringComparer.OrdinalIgnoreCase);
        KnownDeviceIds = new HashSet<string>(before.Select(s => s.DeviceId).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!.Trim()), StringComparer.OrdinalIgnoreCase);

        // Taken from the time-ordered entries, so sorted: the hour counts search them.
        _newSourcePasswordAttempts = _ordered.Where(s => SignInSignals.PasswordAttemptCodes.ContainsKey(s.ErrorCode) && !IsKnownSource(s)).ToArray();
        _newSourceMfaPrompts = _ordered.Where(s => s.ErrorCode == SignInSignals.MfaDeniedCode && !IsKnownSource(s)).ToArray();
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

    /// <summary>The networks (IpNetwork keys: an IPv4 address, an IPv6 /64) the user signed in from successfully before the window.</summary>
    public IReadOnlyCollection<string> KnownIpAddresses { get; }

    public IReadOnlyCollection<string> KnownCountries { get; }

    /// <summary>The device ids (deviceDetail/deviceId) the user signed in with successfully before the window.</summary>
    public IReadOnlyCollection<string> KnownDeviceIds { get; }

    /// <summary>True when the address is on a network the user signed in from before the window.</summary>
    public bool IsKnownAddress(string? ipAddress) => IpNetwork.KeyOf(ipAddress) is { } key && KnownIpAddresses.Contains(key);

    /// <summary>True when the device id is one the user signed in with before the window.</summary>
    public bool IsKnownDevice(string? deviceId) => !string.IsNullOrWhiteSpace(deviceId) && KnownDeviceIds.Contains(deviceId!.Trim());

    /// <summary>
    /// True when the sign-in came from one of the user's own sources before the window: a network they signed in from or a
    /// device they signed in with (a device id is the device's certificate, which a phishing proxy cannot present).
    /// Without a baseline nothing is known.
    /// </summary>
    public bool IsKnownSource(SignInFacts signIn) => HasBaseline && (IsKnownAddress(signIn.IpAddress) || IsKnownDevice(signIn.DeviceId));

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

    /// <summary>The first successful sign-in with coordinates after <paramref name="signIn"/>: the end of the next journey.</summary>
    public SignInFacts? NextLocatedSuccess(SignInFacts signIn)
    {
        for (int i = PositionOf(signIn) + 1; i < _ordered.Length; i++)
        {
            if (_ordered[i].Succeeded && _ordered[i].HasCoordinates)
            {
                return _ordered[i];
            }
        }

        return null;
    }

    /// <summary>The sign-ins before <paramref name="signIn"/> and no more than <paramref name="within"/> before it, newest first.</summary>
    public IEnumerable<SignInFacts> Preceding(SignInFacts signIn, TimeSpan within)
    {
        for (int i = PositionOf(signIn) - 1; i >= 0 && signIn.CreatedDateTime - _ordered[i].CreatedDateTime <= within; i--)
        {
            yield return _ordered[i];
        }
    }

    /// <summary>
    /// True when the flow <paramref name="signIn"/> interrupted went on to succeed: a success under its correlation id, or
    /// from the same network within <paramref name="within"/> after it (a retry that starts a new flow).
    /// </summary>
    public bool CompletedAfter(SignInFacts signIn, TimeSpan within)
    {
        if (SharingCorrelation(signIn).Any(s => s.Succeeded))
        {
            return true;
        }

        string? network = IpNetwork.KeyOf(signIn.IpAddress);
        for (int i = PositionOf(signIn) + 1; i < _ordered.Length && _ordered[i].CreatedDateTime - signIn.CreatedDateTime <= within; i++)
        {
            if (_ordered[i].Succeeded && network is not null && string.Equals(IpNetwork.KeyOf(_ordered[i].IpAddress), network, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Other sign-ins that share <paramref name="signIn"/>'s correlation id.</summary>
    public IEnumerable<SignInFacts> SharingCorrelation(SignInFacts signIn) =>
        signIn.CorrelationId is { } id && _byCorrelation.TryGetValue(id.Trim(), out SignInFacts[]? group)
            ? group.Where(s => !s.Equals(signIn))
            : Array.Empty<SignInFacts>();

    /// <summary>
    /// Failed password attempts (wrong password, lockout, disabled account...) from sources the user never signed in from,
    /// in the hour up to and including the sign-in. A client of the user's own retrying a stale password from their usual
    /// network is not counted.
    /// </summary>
    public IReadOnlyList<SignInFacts> NewSourcePasswordAttemptsInHourTo(SignInFacts signIn) => InHourTo(_newSourcePasswordAttempts, signIn.CreatedDateTime);

    /// <summary>Denied or unanswered MFA prompts (500121) from sources the user never signed in from, in the hour up to and including the sign-in.</summary>
    public IReadOnlyList<SignInFacts> NewSourceMfaPromptsInHourTo(SignInFacts signIn) => InHourTo(_newSourceMfaPrompts, signIn.CreatedDateTime);

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

    /// <summary>The entries of the time-ordered <paramref name="signIns"/> in the hour ending at <paramref name="end"/>, by two binary searches.</summary>
    private static IReadOnlyList<SignInFacts> InHourTo(SignInFacts[] signIns, DateTimeOffset end)
    {
        DateTimeOffset start = end - TimeSpan.FromHours(1);
        int first = FirstWhereNot(signIns, t => t < start);
        int last = FirstWhereNot(signIns, t => t <= end);
        return new ArraySegment<SignInFacts>(signIns, first, Math.Max(0, last - first));
    }

    /// <summary>The first index whose time no longer satisfies <paramref name="before"/> (which holds for a prefix of the time-ordered entries).</summary>
    private static int FirstWhereNot(SignInFacts[] signIns, Func<DateTimeOffset, bool> before)
    {
        int low = 0, high = signIns.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (before(signIns[middle].CreatedDateTime))
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
