using System.Globalization;

namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// The trip two consecutive successful sign-ins imply: how far apart their coordinates are, how long between them, and
/// whether anyone could have made it. The test allows for the log's coordinates being where the IP is registered, not
/// where the person is (mobile carriers and ISPs place a user up to a hundred kilometres or more away), so a short
/// hop near in time is never called impossible.
/// </summary>
public sealed record Journey(SignInFacts From, SignInFacts To, double Kilometres, TimeSpan Elapsed)
{
    /// <summary>
    /// Faster than this is no flight: airliners cruise at about 900 km/h ground speed, and a tail wind rarely carries one
    /// past 1,000 km/h over a whole trip.
    /// </summary>
    public const double AirlinerKilometresPerHour = 1000;

    /// <summary>How far one IP geolocation can be off; both ends can be, so twice this is taken off the distance.</summary>
    public const double GeolocationErrorKilometres = 100;

    /// <summary>Below this distance no pair is judged at all: neighbouring cities, a VPN exit in the next region.</summary>
    public const double ShortestJudgedKilometres = 500;

    /// <summary>The distance left once the geolocation error of both ends is allowed for.</summary>
    public double AllowedForErrorKilometres => Math.Max(0, Kilometres - (2 * GeolocationErrorKilometres));

    /// <summary>The speed the trip needs; infinite for two places at the same instant.</summary>
    public double KilometresPerHour =>
        AllowedForErrorKilometres == 0 ? 0
        : Elapsed <= TimeSpan.Zero ? double.PositiveInfinity
        : AllowedForErrorKilometres / Elapsed.TotalHours;

    public bool IsImpossible => Kilometres >= ShortestJudgedKilometres && KilometresPerHour > AirlinerKilometresPerHour;

    /// <summary>The trip from <paramref name="from"/> to <paramref name="to"/>; null when either lacks coordinates.</summary>
    public static Journey? Between(SignInFacts from, SignInFacts to)
    {
        if (!from.HasCoordinates || !to.HasCoordinates)
        {
            return null;
        }

        double km = GreatCircle.Kilometres(from.Latitude!.Value, from.Longitude!.Value, to.Latitude!.Value, to.Longitude!.Value);
        return new Journey(from, to, km, to.CreatedDateTime - from.CreatedDateTime);
    }

    public string Describe() => string.Format(
        CultureInfo.InvariantCulture,
        "signed in from {0} ({1}) {2} after signing in from {3} ({4}): {5:N0} km, {6} km/h even allowing {7:N0} km for IP geolocation, faster than any airliner",
        To.Place ?? "an unnamed place",
        To.IpAddress,
        Durations.Words(Elapsed),
        From.Place ?? "an unnamed place",
        From.IpAddress,
        Kilometres,
        double.IsPositiveInfinity(KilometresPerHour) ? "unbounded" : KilometresPerHour.ToString("N0", CultureInfo.InvariantCulture),
        2 * GeolocationErrorKilometres);
}
