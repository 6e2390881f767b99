namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// The sign-in rules (DETECTION.md "Identity footholds"), each over one sign-in with the user's history. Strong signs
/// of an attacker (impossible travel, token replay, a success after revocation) carry a High weight alone; weak ones
/// (a new IP, one wrong password) stay Low unless others join them. The runbook takes a user's earliest Medium-or-above
/// sign-in as the start of the compromise and removes the methods and devices registered since, so what the user's own
/// clients do from their own networks and devices (an interrupted MFA flow, a stale password retried, the re-sign-in a
/// revocation forces, the other end of the attacker's impossible trip) stays Low at most.
/// </summary>
public static class SignInRules
{
    /// <summary>How long after a device-code or broker sign-in a device registration still counts as following it.</summary>
    public static readonly TimeSpan DeviceRegistrationFollowsWithin = TimeSpan.FromHours(24);

    /// <summary>
    /// How far apart two entries of one correlation id may be and still be compared. A correlation id ties together the
    /// requests of one sign-in attempt (Microsoft Entra docs, "Customize and filter the activity logs in Microsoft Entra
    /// ID": "Unique identifier for all sign-in requests that are part of a single sign-in attempt"), which lasts minutes,
    /// and its access token about an hour; further apart, a change of place is the user's own journey, which travel judges.
    /// </summary>
    public static readonly TimeSpan ReplayWithin = TimeSpan.FromHours(1);

    /// <summary>How long after an interrupted sign-in (50074, 50076...) a success from the same network still completes it.</summary>
    public static readonly TimeSpan InterruptCompletedWithin = TimeSpan.FromMinutes(15);

    /// <summary>Failed password attempts from new sources in one hour that make guessing, not a mistyped password.</summary>
    public const int RepeatedPasswordAttempts = 5;

    /// <summary>Distinct new networks among those attempts that make a spray rather than one client retrying.</summary>
    public const int SprayNetworks = 3;

    /// <summary>
    /// Denied or unanswered MFA prompts from new sources in one hour that make MFA fatigue: more than a user whose phone is
    /// offline retries before giving up, as v1.0 cannot tell a denial from a timeout (<see cref="SignInSignals.MfaDeniedCode"/>).
    /// </summary>
    public const int RepeatedMfaPrompts = 5;

    /// <summary>The rules that judge a sign-in on its own facts and the history, without judging other sign-ins first.</summary>
    private static readonly DetectionRule<SignInCase>[] OneSignInRules =
    {
        new("ImpossibleTravel", 70, c => BlamedTravel(c) is not null, c => TravelReason(c)),
        // Low: two of the user's own places too far apart for the time between them are a VPN or an egress elsewhere.
        new(
            "TravelBetweenUsualPlaces",
            15,
            c => TravelBetweenKnownPlaces(c) is not null,
            c => "The user " + TravelBetweenKnownPlaces(c)!.Describe() + "; both ends are networks the user signed in from before the window (a VPN or an egress in another region), so it is not weighed as travel"),
        new("TokenReplay", 70, c => Replayed(c) is not null, c => Replay(c)),
        new(
            "CorrelationAcrossNetworks",
            10,
            c => Replayed(c) is null && NetworkChange(c) is not null,
            c => $"Correlation id {c.SignIn.CorrelationId} also came from {NetworkChange(c)!.IpAddress} {Durations.Words(NetworkChange(c)!.CreatedDateTime - c.SignIn.CreatedDateTime)} apart, in the same country and within reach: a network change during one sign-in (Wi-Fi to mobile data, IPv6 then IPv4), not by itself a replayed token"),
        // Low alone: a user's own unregistered laptop or phone signs in to OfficeHome without a device id too. The proxy's
        // sign-in comes from the proxy's IP, so with a new IP or country it reaches Medium or High.
        new(
            "OfficeHomeWithoutDevice",
            25,
            c => c.SignIn.Succeeded && SignInSignals.IsOfficeHome(c.SignIn) && string.IsNullOrWhiteSpace(c.SignIn.DeviceId),
            "Successful OfficeHome sign-in from a device Entra ID does not know: the pattern of an adversary-in-the-middle phishing proxy"),
        new(
            "DeviceCodeFlow",
            30,
            c => SignInSignals.IsDeviceCodeFlow(c.SignIn),
            "Signed in with the device-code flow, the flow device-code phishing abuses"),
        new(
            "DeviceCodeThenDeviceRegistration",
            50,
            c => SignInSignals.IsDeviceCodeFlow(c.SignIn) && c.SignIn.Succeeded && c.History.RegistrationAfter(c.SignIn, DeviceRegistrationFollowsWithin) is not null,
            c => $"A device was registered {Durations.Words(c.History.RegistrationAfter(c.SignIn, DeviceRegistrationFollowsWithin)!.Value - c.SignIn.CreatedDateTime)} after this device-code sign-in: a device the attacker holds can keep a primary refresh token"),
        new(
            "DeviceRegistration",
            20,
            c => c.SignIn.Succeeded && SignInSignals.IsDeviceRegistration(c.SignIn),
            "Registered or joined a device (a sign-in to the Device Registration Service): a device the attacker holds can keep a primary refresh token"),
        // A failure counts only as part of guessing or a spray: the user's own phone retrying an old password, from home or
        // on mobile data, is not an attack.
        new(
            "LegacyClient",
            30,
            c => SignInSignals.IsLegacyClient(c.SignIn) && (c.SignIn.Succeeded || PasswordSpray.Describe(c) is not null),
            c => c.SignIn.Succeeded
                ? $"Signed in through {c.SignIn.ClientAppUsed!.Trim()}, a client that authenticates with the password alone (no MFA)"
                : $"Tried the password through {c.SignIn.ClientAppUsed!.Trim()}, a client that authenticates with the password alone (no MFA), as part of the guessing below"),
        new(
            "ToolingUserAgent",
            50,
            c => SignInSignals.ToolingAgentIn(c.SignIn) is not null,
            c => $"The user agent names {SignInSignals.ToolingAgentIn(c.SignIn)}: a script or attack tool, not a person's browser or app"),
        // Small: people change networks all the time; a new IP matters beside other signs.
        new(
            "NewIpAddress",
            10,
            c => c.History.HasBaseline && c.SignIn.IpAddress is { Length: > 0 } ip && !c.History.IsKnownAddress(ip),
            c => $"IP {c.SignIn.IpAddress} was never seen in a successful sign-in of the user before {LogTimes.Day(c.History.WindowStart)}"),
        new(
            "NewCountry",
            30,
            c => c.History.HasBaseline && c.History.KnownCountries.Count > 0 && c.SignIn.CountryOrRegion is { Length: > 0 } country && !c.History.KnownCountries.Contains(country.Trim()),
            c => $"Country {c.SignIn.CountryOrRegion} was never seen in a successful sign-in of the user before {LogTimes.Day(c.History.WindowStart)} (seen: {string.Join(", ", c.History.KnownCountries.OrderBy(k => k, StringComparer.Ordinal))})"),
        new(
            "PasswordAttemptFailed",
            10,
            c => SignInSignals.PasswordAttemptCodes.ContainsKey(c.SignIn.ErrorCode),
            c => $"Failed with {c.SignIn.ErrorCode}: {SignInSignals.PasswordAttemptCodes[c.SignIn.ErrorCode]}"),
        new("RepeatedPasswordAttempts", 40, c => PasswordSpray.Describe(c) is not null, c => PasswordSpray.Describe(c)!),
        // Every MFA sign-in logs an interrupt (50074, 50076) before its success; only a flow that never went on, from a
        // source the user never used, says someone else holds the password.
        new(
            "PasswordRightButStopped",
            25,
            c => SignInSignals.PasswordAcceptedCodes.ContainsKey(c.SignIn.ErrorCode) && !c.History.IsKnownSource(c.SignIn) && !c.History.CompletedAfter(c.SignIn, InterruptCompletedWithin),
            c => $"Stopped with {c.SignIn.ErrorCode}: {SignInSignals.PasswordAcceptedCodes[c.SignIn.ErrorCode]}, from a source the user never signed in from, and the sign-in never went on to succeed; whoever tried knew the password"),
        new(
            "MfaFatigue",
            50,
            c => c.SignIn.ErrorCode == SignInSignals.MfaDeniedCode && !c.History.IsKnownSource(c.SignIn) && c.History.NewSourceMfaPromptsInHourTo(c.SignIn).Count >= RepeatedMfaPrompts,
            c => $"{c.History.NewSourceMfaPromptsInHourTo(c.SignIn).Count} MFA prompts denied or unanswered in the hour up to this one, from sources the user never signed in from: MFA fatigue (push bombing)"),
        new(
            "SignInAfterRevocation",
            50,
            c => c.SignIn.Succeeded && RevokedBefore(c) is not null && !c.History.IsKnownSource(c.SignIn),
            c => $"Signed in successfully {Durations.Words(c.SignIn.CreatedDateTime - RevokedBefore(c)!.Value)} after the user's sessions were revoked ({LogTimes.Moment(RevokedBefore(c)!.Value)}), from a network and device the user never signed in from: the credentials worked again for someone"),
        // Low: a revocation forces the user's own apps to sign in again, from the user's own network or device.
        new(
            "SignInAgainAfterRevocation",
            10,
            c => c.SignIn.Succeeded && RevokedBefore(c) is not null && c.History.IsKnownSource(c.SignIn),
            c => $"Signed in again {Durations.Words(c.SignIn.CreatedDateTime - RevokedBefore(c)!.Value)} after the user's sessions were revoked ({LogTimes.Moment(RevokedBefore(c)!.Value)}), from a network or device the user signed in from before: most likely the sign-in the revocation forced on the user"),
        new(
            "EntraRiskHigh",
            50,
            c => IsRisk(c.SignIn, "high"),
            "Entra ID Protection rated the sign-in high risk"),
        new(
            "EntraRiskMedium",
            25,
            c => IsRisk(c.SignIn, "medium") && !IsRisk(c.SignIn, "high"),
            "Entra ID Protection rated the sign-in medium risk"),
    };

    /// <summary>The rules above alone: what the sequence rule judges the sign-ins before a broker sign-in with.</summary>
    private static readonly RuleTable<SignInCase> OneSignInTable = new(OneSignInRules);

    public static readonly RuleTable<SignInCase> Table = new(OneSignInRules.Append(
        // v1.0 has no authenticationProtocol, so device-code phishing for a device shows only as its sequence.
        new DetectionRule<SignInCase>(
            "BrokerAfterFlaggedSignIn",
            50,
            c => BrokerRegistrationSequence.Find(c, OneSignInTable) is not null,
            c => BrokerRegistrationSequence.Find(c, OneSignInTable)!.Describe(c.SignIn))));

    /// <summary>The journey from the previous successful located sign-in to this successful one; null when there is none.</summary>
    public static Journey? Travel(SignInCase c) =>
        c.SignIn.Succeeded && c.History.PreviousLocatedSuccess(c.SignIn) is { } previous ? Journey.Between(previous, c.SignIn) : null;

    /// <summary>The journey from this successful located sign-in to the next; null when there is none.</summary>
    public static Journey? Onward(SignInCase c) =>
        c.SignIn.Succeeded && c.History.NextLocatedSuccess(c.SignIn) is { } next ? Journey.Between(c.SignIn, next) : null;

    /// <summary>
    /// The impossible trip this sign-in is to blame for: one into or out of it, when this end is not on one of the user's
    /// own networks. The known end of a trip stays quiet (the victim signing in from home after the attacker's foreign
    /// sign-in); when neither end is known, both are flagged, as the log cannot tell which one was the user. Only the
    /// network counts here, not the device id: a device's stolen primary refresh token signs in with its device id from
    /// wherever the thief is.
    /// </summary>
    public static Journey? BlamedTravel(SignInCase c)
    {
        if (!c.SignIn.Succeeded || c.History.IsKnownAddress(c.SignIn.IpAddress))
        {
            return null;
        }

        return Travel(c) is { IsImpossible: true } into ? into : Onward(c) is { IsImpossible: true } onward ? onward : null;
    }

    /// <summary>Another sign-in of the same correlation id, close in time, from another network and another country or out of reach; null when none.</summary>
    public static SignInFacts? Replayed(SignInCase c) =>
        SameFlowElsewhere(c).FirstOrDefault(other => Differs(other.CountryOrRegion, c.SignIn.CountryOrRegion) || Between(other, c.SignIn) is { IsImpossible: true });

    private static string TravelReason(SignInCase c)
    {
        Journey trip = BlamedTravel(c)!;
        SignInFacts other = ReferenceEquals(trip.To, c.SignIn) ? trip.From : trip.To;
        string whose = c.History.IsKnownAddress(other.IpAddress)
            ? "the other end is a network the user signed in from before the window, this one is not"
            : "neither end is a network the user signed in from before the window, so both are flagged";
        return "The user " + trip.Describe() + "; " + whose;
    }

    private static Journey? TravelBetweenKnownPlaces(SignInCase c) =>
        c.SignIn.Succeeded && c.History.IsKnownAddress(c.SignIn.IpAddress) && Travel(c) is { IsImpossible: true } trip && c.History.IsKnownAddress(trip.From.IpAddress) ? trip : null;

    /// <summary>Other entries of this sign-in's correlation id, within <see cref="ReplayWithin"/>, from another network.</summary>
    private static IEnumerable<SignInFacts> SameFlowElsewhere(SignInCase c) =>
        c.History.SharingCorrelation(c.SignIn).Where(other =>
            (other.CreatedDateTime - c.SignIn.CreatedDateTime).Duration() <= ReplayWithin && IpNetwork.Differ(other.IpAddress, c.SignIn.IpAddress));

    private static SignInFacts? NetworkChange(SignInCase c) => SameFlowElsewhere(c).FirstOrDefault();

    /// <summary>The journey between two sign-ins, taken in time order.</summary>
    private static Journey? Between(SignInFacts a, SignInFacts b) => a.CreatedDateTime <= b.CreatedDateTime ? Journey.Between(a, b) : Journey.Between(b, a);

    private static string Replay(SignInCase c)
    {
        SignInFacts other = Replayed(c)!;
        string why = Differs(other.CountryOrRegion, c.SignIn.CountryOrRegion) ? "two countries" : "two places no airliner joins in the time between";
        return $"Correlation id {c.SignIn.CorrelationId} also signed in from {other.IpAddress} ({other.Place ?? "unknown place"}) at {LogTimes.Moment(other.CreatedDateTime)}, while this one came from {c.SignIn.IpAddress} ({c.SignIn.Place ?? "unknown place"}): one sign-in flow used from {why}, a replayed token";
    }

    /// <summary>
    /// The revocation before this sign-in when it falls inside the window: the containment of this incident. A revocation
    /// from months ago (a lost phone, an old reset) is followed by every ordinary sign-in since, which says nothing.
    /// </summary>
    private static DateTimeOffset? RevokedBefore(SignInCase c) =>
        c.History.SessionsRevokedAt is { } revoked && revoked >= c.History.WindowStart && c.SignIn.CreatedDateTime > revoked ? revoked : null;

    /// <summary>Two values that are both known and different; an unknown value is never a difference.</summary>
    private static bool Differs(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && !string.Equals(a!.Trim(), b!.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool IsRisk(SignInFacts s, string level) =>
        string.Equals(s.RiskLevelDuringSignIn, level, StringComparison.OrdinalIgnoreCase) || string.Equals(s.RiskLevelAggregated, level, StringComparison.OrdinalIgnoreCase);
}
