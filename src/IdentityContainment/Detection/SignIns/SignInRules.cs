using System.Globalization;

namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// The sign-in rules (DETECTION.md "Identity footholds"), each over one sign-in with the user's history. Strong signs
/// of an attacker (impossible travel, token replay, a success after revocation) carry a High weight alone; weak ones
/// (a new IP, one wrong password) stay Low unless others join them.
/// </summary>
public static class SignInRules
{
    /// <summary>How long after a device-code sign-in a device registration still counts as following it.</summary>
    public static readonly TimeSpan DeviceRegistrationFollowsWithin = TimeSpan.FromHours(24);

    /// <summary>Password attempts in one hour that make guessing, not a mistyped password.</summary>
    public const int RepeatedPasswordAttempts = 5;

    /// <summary>Denied or unanswered MFA prompts in one hour that make MFA fatigue, not a missed notification.</summary>
    public const int RepeatedMfaDenials = 3;

    public static readonly RuleTable<SignInCase> Table = new(new[]
    {
        new DetectionRule<SignInCase>("ImpossibleTravel", 70, c => Travel(c) is { IsImpossible: true }, c => "The user " + Travel(c)!.Describe()),
        new DetectionRule<SignInCase>("TokenReplay", 70, c => Replayed(c) is not null, c => Replay(c)),
        // Low alone: a user's own unregistered laptop or phone signs in to OfficeHome without a device id too. The proxy's
        // sign-in comes from the proxy's IP, so with a new IP or country it reaches Medium or High.
        new DetectionRule<SignInCase>(
            "OfficeHomeWithoutDevice",
            25,
            c => c.SignIn.Succeeded && SignInSignals.IsOfficeHome(c.SignIn) && string.IsNullOrWhiteSpace(c.SignIn.DeviceId),
            "Successful OfficeHome sign-in from a device Entra ID does not know: the pattern of an adversary-in-the-middle phishing proxy"),
        new DetectionRule<SignInCase>(
            "DeviceCodeFlow",
            30,
            c => SignInSignals.IsDeviceCodeFlow(c.SignIn),
            "Signed in with the device-code flow, the flow device-code phishing abuses"),
        new DetectionRule<SignInCase>(
            "DeviceCodeThenDeviceRegistration",
            50,
            c => SignInSignals.IsDeviceCodeFlow(c.SignIn) && c.SignIn.Succeeded && c.History.RegistrationAfter(c.SignIn, DeviceRegistrationFollowsWithin) is not null,
            c => $"A device was registered {Durations.Words(c.History.RegistrationAfter(c.SignIn, DeviceRegistrationFollowsWithin)!.Value - c.SignIn.CreatedDateTime)} after this device-code sign-in: a device the attacker holds can keep a primary refresh token"),
        new DetectionRule<SignInCase>(
            "DeviceRegistration",
            20,
            c => c.SignIn.Succeeded && SignInSignals.IsDeviceRegistration(c.SignIn),
            "Registered or joined a device (a sign-in to the Device Registration Service): a device the attacker holds can keep a primary refresh token"),
        new DetectionRule<SignInCase>(
            "LegacyClient",
            30,
            c => SignInSignals.IsLegacyClient(c.SignIn),
            c => $"Signed in through {c.SignIn.ClientAppUsed!.Trim()}, a client that authenticates with the password alone (no MFA)"),
        new DetectionRule<SignInCase>(
            "ToolingUserAgent",
            50,
            c => SignInSignals.ToolingAgentIn(c.SignIn) is not null,
            c => $"The user agent names {SignInSignals.ToolingAgentIn(c.SignIn)}: a script or attack tool, not a person's browser or app"),
        // Small: people change networks all the time; a new IP matters beside other signs.
        new DetectionRule<SignInCase>(
            "NewIpAddress",
            10,
            c => c.History.HasBaseline && c.SignIn.IpAddress is { Length: > 0 } ip && !c.History.KnownIpAddresses.Contains(ip.Trim()),
            c => $"IP {c.SignIn.IpAddress} was never seen for the user before {Day(c.History.WindowStart)}"),
        new DetectionRule<SignInCase>(
            "NewCountry",
            30,
            c => c.History.HasBaseline && c.History.KnownCountries.Count > 0 && c.SignIn.CountryOrRegion is { Length: > 0 } country && !c.History.KnownCountries.Contains(country.Trim()),
            c => $"Country {c.SignIn.CountryOrRegion} was never seen for the user before {Day(c.History.WindowStart)} (seen: {string.Join(", ", c.History.KnownCountries.OrderBy(k => k, StringComparer.Ordinal))})"),
        new DetectionRule<SignInCase>(
            "PasswordAttemptFailed",
            10,
            c => SignInSignals.PasswordAttemptCodes.ContainsKey(c.SignIn.ErrorCode),
            c => $"Failed with {c.SignIn.ErrorCode}: {SignInSignals.PasswordAttemptCodes[c.SignIn.ErrorCode]}"),
        new DetectionRule<SignInCase>(
            "RepeatedPasswordAttempts",
            40,
            c => SignInSignals.PasswordAttemptCodes.ContainsKey(c.SignIn.ErrorCode) && c.History.PasswordAttemptsInHourTo(c.SignIn) >= RepeatedPasswordAttempts,
            c => $"{c.History.PasswordAttemptsInHourTo(c.SignIn)} failed password attempts in the hour up to this one: password guessing or spray"),
        new DetectionRule<SignInCase>(
            "PasswordRightButStopped",
            25,
            c => SignInSignals.PasswordAcceptedCodes.ContainsKey(c.SignIn.ErrorCode),
            c => $"Stopped with {c.SignIn.ErrorCode}: {SignInSignals.PasswordAcceptedCodes[c.SignIn.ErrorCode]}; whoever signed in knew the password"),
        new DetectionRule<SignInCase>(
            "MfaFatigue",
            50,
            c => c.SignIn.ErrorCode == SignInSignals.MfaDeniedCode && c.History.MfaDenialsInHourTo(c.SignIn) >= RepeatedMfaDenials,
            c => $"{c.History.MfaDenialsInHourTo(c.SignIn)} MFA prompts denied or unanswered in the hour up to this one: MFA fatigue (push bombing)"),
        new DetectionRule<SignInCase>(
            "SignInAfterRevocation",
            50,
            c => c.SignIn.Succeeded && RevokedInWindow(c) is { } revoked && c.SignIn.CreatedDateTime > revoked,
            c => $"Signed in successfully {Durations.Words(c.SignIn.CreatedDateTime - c.History.SessionsRevokedAt!.Value)} after the user's sessions were revoked ({Moment(c.History.SessionsRevokedAt!.Value)}): the credentials worked again, for the user or for the attacker"),
        new DetectionRule<SignInCase>(
            "EntraRiskHigh",
            50,
            c => IsRisk(c.SignIn, "high"),
            "Entra ID Protection rated the sign-in high risk"),
        new DetectionRule<SignInCase>(
            "EntraRiskMedium",
            25,
            c => IsRisk(c.SignIn, "medium") && !IsRisk(c.SignIn, "high"),
            "Entra ID Protection rated the sign-in medium risk"),
    });

    /// <summary>The journey from the previous successful located sign-in to this successful one; null when there is none.</summary>
    public static Journey? Travel(SignInCase c) =>
        c.SignIn.Succeeded && c.History.PreviousLocatedSuccess(c.SignIn) is { } previous ? Journey.Between(previous, c.SignIn) : null;

    /// <summary>Another sign-in with the same correlation id from a different IP or country; null when none.</summary>
    public static SignInFacts? Replayed(SignInCase c) =>
        c.History.SharingCorrelation(c.SignIn).FirstOrDefault(other => Differs(other.IpAddress, c.SignIn.IpAddress) || Differs(other.CountryOrRegion, c.SignIn.CountryOrRegion));

    private static string Replay(SignInCase c)
    {
        SignInFacts other = Replayed(c)!;
        return $"Correlation id {c.SignIn.CorrelationId} also signed in from {other.IpAddress} ({other.Place ?? "unknown place"}) at {Moment(other.CreatedDateTime)}, while this one came from {c.SignIn.IpAddress} ({c.SignIn.Place ?? "unknown place"}): one session used from two places, a replayed token";
    }

    /// <summary>
    /// The revocation when it falls inside the window: the containment of this incident. A revocation from months ago
    /// (a lost phone, an old reset) is followed by every ordinary sign-in since, which says nothing.
    /// </summary>
    private static DateTimeOffset? RevokedInWindow(SignInCase c) =>
        c.History.SessionsRevokedAt is { } revoked && revoked >= c.History.WindowStart ? revoked : null;

    /// <summary>Two values that are both known and different; an unknown value is never a difference.</summary>
    private static bool Differs(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && !string.Equals(a!.Trim(), b!.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool IsRisk(SignInFacts s, string level) =>
        string.Equals(s.RiskLevelDuringSignIn, level, StringComparison.OrdinalIgnoreCase) || string.Equals(s.RiskLevelAggregated, level, StringComparison.OrdinalIgnoreCase);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
