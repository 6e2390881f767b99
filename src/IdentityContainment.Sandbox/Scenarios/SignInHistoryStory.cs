namespace IdentityContainment.Sandbox;

/// <summary>
/// Ordinary sign-in history for generated users, for benchmarks of sign-in analysis: each user signs in from the office
/// or from home (two places near Redmond, with coordinates), on a steady rhythm over the last 30 days, all successful.
/// Draws from its own generator (seeded from the options' seed), so the rest of a generated tenant stays what the same
/// options give without it.
/// </summary>
internal static class SignInHistoryStory
{
    private static readonly SignInLocation Office = new()
    {
        City = "Redmond", State = "Washington", CountryOrRegion = "US",
        GeoCoordinates = new GeoCoordinates { Latitude = 47.6740, Longitude = -122.1215 },
    };

    private static readonly SignInLocation Home = new()
    {
        City = "Kirkland", State = "Washington", CountryOrRegion = "US",
        GeoCoordinates = new GeoCoordinates { Latitude = 47.6769, Longitude = -122.2060 },
    };

    private static readonly TimeSpan History = TimeSpan.FromDays(30);

    public static void Add(List<SignInRecord> signIns, IReadOnlyList<UserRecord> users, int perUser, int seed, DateTimeOffset now)
    {
        if (perUser <= 0)
            return;
        var random = new Random(unchecked(seed * 7919 + 17));
        var step = History / perUser;
        foreach (var (user, u) in users.Select((user, u) => (user, u)))
        {
            for (var n = 0; n < perUser; n++)
            {
                var atHome = random.Next(3) == 0;
                signIns.Add(new SignInRecord
                {
                    Id = StableGuid.From($"history/{user.Id}/{n}"),
                    // Whole seconds, spread evenly back from now with a little jitter inside each step.
                    CreatedDateTime = GraphTime.ToWholeSeconds(now - step * (n + 1) + TimeSpan.FromTicks((long)(step.Ticks * random.NextDouble() * 0.5))),
                    UserId = user.Id,
                    UserPrincipalName = user.UserPrincipalName,
                    UserDisplayName = user.DisplayName,
                    IpAddress = atHome ? $"203.0.113.{100 + u % 100}" : "203.0.113.10",
                    UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",
                    Location = atHome ? Home : Office,
                    DeviceDetail = new SignInDeviceDetail { OperatingSystem = "Windows 10", Browser = "Edge 124.0.0" },
                });
            }
        }
    }
}
