using System.Globalization;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>
/// What aitm-bec's sign-in log holds, read over HTTP as the module reads it: the ordinary weeks, each step of the attack,
/// and the near misses a detector must not flag.
/// </summary>
public sealed class AitmBecSignInHistoryTests
{
    private const string LeeUpn = "leeg@contoso.com";
    private const string AttackerProxyIp = "198.51.100.77";

    private static async Task<(SandboxServer Server, JsonObject[] SignIns)> ReadAsync(string upn)
    {
        var server = await TestSandbox.StartWithoutReportsLimitAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var pages = await graph.PagesAsync($"auditLogs/signIns?$filter={Uri.EscapeDataString($"userPrincipalName eq '{upn}'")}");
        return (server, pages.SelectMany(p => p).ToArray());
    }

    private static DateTimeOffset Created(JsonObject s) => DateTimeOffset.Parse((string)s["createdDateTime"]!, CultureInfo.InvariantCulture);

    private static int ErrorCode(JsonObject s) => (int)s["status"]!["errorCode"]!;

    private static string? Country(JsonObject s) => (string?)s["location"]!["countryOrRegion"];

    private static string? City(JsonObject s) => (string?)s["location"]!["city"];

    /// <summary>Great-circle distance in km (haversine, mean Earth radius).</summary>
    private static double DistanceKm(JsonObject a, JsonObject b)
    {
        static (double, double) Point(JsonObject s) =>
            ((double)s["location"]!["geoCoordinates"]!["latitude"]! * Math.PI / 180, (double)s["location"]!["geoCoordinates"]!["longitude"]! * Math.PI / 180);
        var (lat1, lon1) = Point(a);
        var (lat2, lon2) = Point(b);
        var h = Math.Pow(Math.Sin((lat2 - lat1) / 2), 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin((lon2 - lon1) / 2), 2);
        return 2 * 6371 * Math.Asin(Math.Sqrt(h));
    }

    [Fact]
    public async Task Each_user_has_weeks_of_ordinary_successful_sign_ins_with_coordinates_before_the_attack()
    {
        foreach (var upn in new[] { Known.AdeleUpn, Known.AlexUpn, LeeUpn })
        {
            var (server, signIns) = await ReadAsync(upn);
            await using var _ = server;
            var now = server.Tenant.Clock.GetUtcNow();
            var ordinary = signIns.Where(s => ErrorCode(s) == 0 && (string?)s["ipAddress"] is "203.0.113.10" or "203.0.113.24" or "203.0.113.31" or "203.0.113.52").ToArray();

            Assert.True(ordinary.Length >= 20, $"{upn}: {ordinary.Length} ordinary sign-ins");
            Assert.True(now - ordinary.Min(Created) > TimeSpan.FromDays(21), upn);
            Assert.All(ordinary, s => Assert.Equal("US", Country(s)));
            Assert.All(signIns.Where(s => ErrorCode(s) == 0), s => Assert.NotNull(s["location"]!["geoCoordinates"]));
        }
    }

    [Fact]
    public async Task The_phish_is_an_OfficeHome_sign_in_without_device_id_from_the_proxy_after_denied_MFA_prompts()
    {
        var (server, signIns) = await ReadAsync(Known.AdeleUpn);
        await using var _ = server;

        var phish = signIns.Where(s => ErrorCode(s) == 0 && (string?)s["ipAddress"] == AttackerProxyIp).MinBy(Created)!;
        Assert.Equal("OfficeHome", (string?)phish["appDisplayName"]);
        Assert.Equal("", (string?)phish["deviceDetail"]!["deviceId"]);
        var fatigue = signIns.Where(s => ErrorCode(s) == 500121).ToArray();
        Assert.True(fatigue.Length >= 5);
        Assert.All(fatigue, s => Assert.True(Created(s) < Created(phish) && Created(phish) - Created(s) < TimeSpan.FromHours(2)));
    }

    [Fact]
    public async Task A_token_is_replayed_one_correlation_id_from_two_countries()
    {
        var (server, signIns) = await ReadAsync(Known.AdeleUpn);
        await using var _ = server;

        var replayed = signIns.GroupBy(s => (string)s["correlationId"]!).Single(g => g.Select(Country).Distinct().Count() > 1).ToArray();

        Assert.Equal(["DE", "NL"], replayed.Select(Country).Order());
        Assert.Equal(2, replayed.Select(s => (string?)s["ipAddress"]).Distinct().Count());
    }

    [Fact]
    public async Task A_device_code_sign_in_to_device_registration_precedes_the_attackers_device()
    {
        var (server, signIns) = await ReadAsync(Known.AdeleUpn);
        await using var _ = server;
        var device = server.Tenant.FindDevice(Known.AttackerDeviceId)!;

        var broker = signIns.Single(s => (string?)s["appDisplayName"] == "Microsoft Authentication Broker");

        Assert.Equal("Device Registration Service", (string?)broker["resourceDisplayName"]);
        Assert.Equal(AttackerProxyIp, (string?)broker["ipAddress"]);
        Assert.InRange(device.RegistrationDateTime!.Value - Created(broker), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_legacy_IMAP_client_signs_in_through_ROPC()
    {
        var (server, signIns) = await ReadAsync(Known.AdeleUpn);
        await using var _ = server;

        var legacy = signIns.Single(s => (string?)s["clientAppUsed"] == "IMAP4");

        Assert.Equal("BAV2ROPC", (string?)legacy["userAgent"]);
        Assert.Equal(0, ErrorCode(legacy));
    }

    [Fact]
    public async Task A_spray_hits_all_three_users_from_other_ips_with_wrong_password_and_lockout_codes()
    {
        await using var server = await TestSandbox.StartWithoutReportsLimitAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var all = (await graph.PagesAsync("auditLogs/signIns")).SelectMany(p => p).ToArray();

        var spray = all.Where(s => ErrorCode(s) is 50126 or 50053).ToArray();

        Assert.Equal([50053, 50126], spray.Select(ErrorCode).Distinct().Order());
        Assert.Equal([Known.AdeleUpn, Known.AlexUpn, LeeUpn], spray.Select(s => (string)s["userPrincipalName"]!).Distinct().Order());
        Assert.DoesNotContain(spray, s => ((string)s["ipAddress"]!).StartsWith("203.0.113.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_attacker_signs_in_again_after_the_helpdesk_revoked_the_sessions()
    {
        var (server, signIns) = await ReadAsync(Known.AdeleUpn);
        await using var _ = server;
        var revokedAt = server.Tenant.FindUser(Known.AdeleId)!.SignInSessionsValidFromDateTime!.Value;

        var after = signIns.Where(s => ErrorCode(s) == 0 && Created(s) > revokedAt && (string?)s["ipAddress"] == AttackerProxyIp).ToArray();

        Assert.NotEmpty(after);
        Assert.True(server.EvaluateFootholds().Single(f => f.Id == "aitm-session").IsOpen);
        // From the device the attacker registered: a sign-in names it by its registration id.
        var device = server.Tenant.FindDevice(Known.AttackerDeviceId)!;
        Assert.Contains(after, s => (string?)s["deviceDetail"]!["deviceId"] == device.DeviceId && (string?)s["deviceDetail"]!["displayName"] == device.DisplayName);
    }

    [Fact]
    public async Task London_to_New_York_in_eight_hours_is_a_flight_but_in_forty_minutes_it_is_not()
    {
        var (alexServer, alex) = await ReadAsync(Known.AlexUpn);
        await using (alexServer)
        {
            var (london, newYork) = (alex.Single(s => City(s) == "London"), alex.Single(s => City(s) == "New York"));
            var hours = (Created(newYork) - Created(london)).TotalHours;
            Assert.Equal(8, hours, 3);
            Assert.InRange(DistanceKm(london, newYork) / hours, 500, 800);

            // The way over is a flight too: his last sign-in before London (at home, near Redmond) is far enough back.
            var before = alex.Where(s => Created(s) < Created(london)).MaxBy(Created)!;
            Assert.InRange(DistanceKm(before, london) / (Created(london) - Created(before)).TotalHours, 0, 800);
        }

        var (leeServer, lee) = await ReadAsync(LeeUpn);
        await using (leeServer)
        {
            var (london, newYork) = (lee.Single(s => City(s) == "London"), lee.Single(s => City(s) == "New York"));
            Assert.Equal(40, (Created(newYork) - Created(london)).TotalMinutes, 3);
            Assert.True(DistanceKm(london, newYork) / (Created(newYork) - Created(london)).TotalHours > 5000);
        }
    }

    [Fact]
    public async Task A_sign_in_from_a_new_city_stays_in_the_users_own_country()
    {
        var (server, signIns) = await ReadAsync(Known.AdeleUpn);
        await using var _ = server;

        var spokane = signIns.Single(s => City(s) == "Spokane");

        Assert.Equal("US", Country(spokane));
        Assert.Equal(0, ErrorCode(spokane));
        Assert.Single(signIns, s => (string?)s["ipAddress"] == (string?)spokane["ipAddress"]);
    }
}
