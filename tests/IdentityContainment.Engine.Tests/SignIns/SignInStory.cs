using IdentityContainment.Detection.SignIns;

namespace IdentityContainment.Engine.Tests.SignIns;

/// <summary>
/// Sign-ins for rule tests: a user who works from London (their usual IP, a known laptop, Chrome, Teams) with a week of
/// history before the window, and places with real coordinates for travel.
/// </summary>
internal static class SignInStory
{
    public const string UserId = "5f0c8f3e-2d7b-4c1a-9e3f-0a1b2c3d4e5f";
    public const string HomeIp = "81.2.69.160";

    public static readonly DateTimeOffset WindowStart = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset WindowEnd = WindowStart.AddDays(7);

    /// <summary>A moment inside the window, <paramref name="hours"/> after 09:00 on its second day.</summary>
    public static DateTimeOffset At(double hours) => WindowStart.AddDays(1).AddHours(9 + hours);

    public static readonly Place London = new("London", "GB", 51.5074, -0.1278);
    public static readonly Place NewYork = new("New York", "US", 40.7128, -74.0060);
    public static readonly Place Paris = new("Paris", "FR", 48.8566, 2.3522);
    public static readonly Place Frankfurt = new("Frankfurt", "DE", 50.1109, 8.6821);
    public static readonly Place Lagos = new("Lagos", "NG", 6.5244, 3.3792);
    public static readonly Place LosAngeles = new("Los Angeles", "US", 34.0522, -118.2437);

    private static int _next;

    /// <summary>An ordinary successful sign-in of the user from London at <paramref name="at"/>.</summary>
    public static SignInFacts Usual(DateTimeOffset at) => new()
    {
        Id = "si-" + Interlocked.Increment(ref _next),
        CreatedDateTime = at,
        UserId = UserId,
        UserPrincipalName = "adele@contoso.com",
        AppId = "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
        AppDisplayName = "Microsoft Teams",
        ResourceDisplayName = "Microsoft Graph",
        ClientAppUsed = "Mobile Apps and Desktop clients",
        UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        IpAddress = HomeIp,
        City = London.City,
        CountryOrRegion = London.Country,
        Latitude = London.Latitude,
        Longitude = London.Longitude,
        DeviceId = "d1e2f3a4-0000-4000-8000-00000000aaaa",
        DeviceName = "ADELE-LAPTOP",
        OperatingSystem = "Windows 10",
        TrustType = "Azure AD joined",
        IsCompliant = true,
        ErrorCode = 0,
        CorrelationId = Guid.NewGuid().ToString(),
        ConditionalAccessStatus = "success",
        RiskLevelDuringSignIn = "none",
        RiskLevelAggregated = "none",
        RiskState = "none",
    };

    public static SignInFacts From(this SignInFacts signIn, Place place, string ip) => signIn with
    {
        City = place.City,
        CountryOrRegion = place.Country,
        Latitude = place.Latitude,
        Longitude = place.Longitude,
        IpAddress = ip,
    };

    /// <summary>The sign-in from a browser or script Entra ID knows no device of: the attacker's, or a phishing proxy's.</summary>
    public static SignInFacts WithoutDevice(this SignInFacts signIn) => signIn with
    {
        DeviceId = null,
        DeviceName = null,
        TrustType = null,
        IsCompliant = null,
    };

    public static SignInFacts Failed(this SignInFacts signIn, int errorCode) => signIn with { ErrorCode = errorCode, FailureReason = "error " + errorCode };

    /// <summary>The user's week before the window: their usual sign-ins from home, the baseline of what is known.</summary>
    public static IEnumerable<SignInFacts> Baseline() =>
        Enumerable.Range(1, 7).Select(day => Usual(WindowStart.AddDays(-day).AddHours(9)));

    /// <summary>A case judging <paramref name="judged"/> among the baseline and <paramref name="others"/>.</summary>
    public static SignInCase Case(SignInFacts judged, params SignInFacts[] others) => Case(judged, revokedAt: null, others);

    public static SignInCase Case(SignInFacts judged, DateTimeOffset? revokedAt, params SignInFacts[] others) =>
        new(judged, History(Baseline().Concat(others).Append(judged), revokedAt));

    public static SignInHistory History(IEnumerable<SignInFacts> signIns, DateTimeOffset? revokedAt = null, IEnumerable<DateTimeOffset>? registrations = null) =>
        new(UserId, signIns, WindowStart, WindowEnd, revokedAt, registrations);

    public sealed record Place(string City, string Country, double Latitude, double Longitude);
}
