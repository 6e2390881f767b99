using IdentityContainment.Connection;
using IdentityContainment.Detection;
using IdentityContainment.Detection.SignIns;
using IdentityContainment.Sandbox;
using IdentityContainment.SignIns;

namespace IdentityContainment.Engine.Tests.SignIns;

/// <summary>
/// The aitm-bec tenant's sign-in logs read from the sandbox and judged over the last 14 days (30 read, so the rest is
/// the users' baseline): the phished user (spray, MFA fatigue, the proxy's replayed session, IMAP through ROPC, a device
/// registration, a sign-in after the helpdesk revoked her sessions), a colleague who flew London → New York in 8 hours
/// and one whose New York sign-in came 40 minutes after London.
/// </summary>
public sealed class AitmBecSignInTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private GraphConnection _connection = null!;
    private DateTimeOffset _now;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { Scenario = "aitm-bec" });
        _connection = await SandboxConnections.AsAutomationAppAsync(_sandbox);
        _now = DateTimeOffset.UtcNow;
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task The_phished_users_attack_is_found_step_by_step_and_starts_with_the_spray()
    {
        SignInFinding[] findings = await JudgeAsync("adelev@contoso.com");

        // Password spray through a script, from Amsterdam: the earliest suspicious sign-in, but it failed.
        SignInFinding spray = findings.OrderBy(f => f.CreatedDateTime).First(f => f.IsAtLeast(IdentityContainment.Detection.RiskLevel.Medium));
        Assert.Equal("192.0.2.200", spray.IpAddress);
        Assert.Contains("ToolingUserAgent", spray.ReasonCodes);
        Assert.NotEqual(0, spray.ErrorCode);
        Assert.True(spray.CreatedDateTime < _now.AddDays(-3));

        // The compromise start is the attacker's first way in: the phishing proxy's successful sign-in from Frankfurt.
        SignInFinding start = Assert.Single(SignInSummary.EarliestPerUser(findings));
        Assert.Equal((0, "198.51.100.77"), (start.ErrorCode, start.IpAddress));
        Assert.Contains("OfficeHomeWithoutDevice", start.ReasonCodes);
        Assert.True(start.CreatedDateTime > spray.CreatedDateTime);

        Assert.Contains(findings, f => f.ReasonCodes.Contains("MfaFatigue") && f.ErrorCode == 500121);

        // The proxy's session: one correlation id from Amsterdam and from Frankfurt.
        SignInFinding[] replay = findings.Where(f => f.ReasonCodes.Contains("TokenReplay")).ToArray();
        Assert.Equal(new[] { "192.0.2.150", "198.51.100.77" }, replay.Select(f => f.IpAddress).Order(StringComparer.Ordinal));
        Assert.Single(replay.Select(f => f.CorrelationId).Distinct());

        Assert.Contains(findings, f => f.ClientAppUsed == "IMAP4" && f.ReasonCodes.Contains("LegacyClient") && f.ReasonCodes.Contains("ToolingUserAgent"));
        Assert.Contains(findings, f => f.ResourceDisplayName == "Device Registration Service" && f.ReasonCodes.Contains("DeviceRegistration") && f.IsAtLeast(RiskLevel.Medium));

        // v1.0 shows no device-code flow: the broker registering a device hours after the replayed session is the sign.
        SignInFinding broker = findings.Single(f => f.ReasonCodes.Contains("BrokerAfterFlaggedSignIn"));
        Assert.Equal("Microsoft Authentication Broker", broker.AppDisplayName);
        Assert.Contains(broker.Reasons, r => r.Contains("TokenReplay") && r.Contains("does not record the flow"));
        Assert.Contains(findings, f => f.IpAddress == "198.51.100.77" && f.ReasonCodes.Contains("SignInAfterRevocation"));

        // After the helpdesk's revocation: the attacker's device from Frankfurt is High, and it is to blame for the trip to
        // her sign-in from home two hours later, which is the sign-in the revocation forced on her: Low.
        SignInFinding attackerAfter = findings.Single(f => f.IpAddress == "198.51.100.77" && f.ReasonCodes.Contains("SignInAfterRevocation"));
        Assert.Contains("ImpossibleTravel", attackerAfter.ReasonCodes);
        Assert.Equal(nameof(RiskLevel.High), attackerAfter.RiskLevel);
        SignInFinding herAfter = findings.Single(f => f.IpAddress == "203.0.113.24" && f.CreatedDateTime > attackerAfter.CreatedDateTime);
        Assert.Equal(new[] { "OfficeHomeWithoutDevice", "SignInAgainAfterRevocation" }, herAfter.ReasonCodes);
        Assert.Equal(nameof(RiskLevel.Low), herAfter.RiskLevel);

        // Her own browser at home, before the attack, without a registered device: seen, but Low.
        Assert.All(findings.Where(f => f.IpAddress == "203.0.113.24" && f.CreatedDateTime < start.CreatedDateTime), f => Assert.Equal(nameof(RiskLevel.Low), f.RiskLevel));
    }

    [Fact]
    public async Task The_device_the_attacker_registered_is_named_by_the_suspicious_sign_ins_and_her_laptop_is_not()
    {
        SignInFinding[] findings = await JudgeAsync("adelev@contoso.com");
        DeviceRecord attackers = _sandbox.Tenant.Devices.Single(d => d.DisplayName == "DESKTOP-R8T2KQ9");
        DeviceRecord hers = _sandbox.Tenant.Devices.Single(d => d.DisplayName == "CONTOSO-LT-0142");

        IReadOnlyList<string> named = SignInSummary.DevicesNamedIn(findings);

        Assert.Contains(attackers.DeviceId, named, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(hers.DeviceId, named, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task London_to_New_York_in_8_hours_is_a_flight_and_in_40_minutes_is_impossible()
    {
        SignInFinding flight = (await JudgeAsync("alexw@contoso.com")).Single(f => f.Location?.StartsWith("New York", StringComparison.Ordinal) == true);
        SignInFinding impossible = (await JudgeAsync("leeg@contoso.com")).Single(f => f.Location?.StartsWith("New York", StringComparison.Ordinal) == true);

        Assert.DoesNotContain("ImpossibleTravel", flight.ReasonCodes);
        Assert.Contains("ImpossibleTravel", impossible.ReasonCodes);
        Assert.Equal(nameof(RiskLevel.High), impossible.RiskLevel);
    }

    /// <summary>
    /// The flight is a near miss only if the whole trip is: Redmond to London needs the night too, so the London sign-in
    /// comes long enough after his last one at home, and no leg of the trip is impossible travel.
    /// </summary>
    [Fact]
    public async Task Alexs_trip_from_Redmond_to_London_and_on_to_New_York_has_no_impossible_leg()
    {
        SignInFinding[] findings = await JudgeAsync("alexw@contoso.com");

        Assert.Contains(findings, f => f.Location?.StartsWith("London", StringComparison.Ordinal) == true);
        Assert.Contains(findings, f => f.Location?.StartsWith("New York", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(findings, f => f.ReasonCodes.Contains("ImpossibleTravel"));
    }

    [Fact]
    public async Task A_revocation_months_ago_does_not_make_every_sign_in_since_suspicious()
    {
        SignInFinding[] findings = await JudgeAsync("leeg@contoso.com");

        Assert.DoesNotContain(findings, f => f.ReasonCodes.Contains("SignInAfterRevocation"));
    }

    private async Task<SignInFinding[]> JudgeAsync(string userPrincipalName)
    {
        UserRecord user = _sandbox.Tenant.FindUser(userPrincipalName)!;
        UserSignIns read = await SignInReader.ReadAsync(_connection, user.Id, _now.AddDays(-30), _now, CancellationToken.None);
        Assert.True(read.IsComplete, read.Error?.Message);
        return SignInJudge.Judge(read.ToHistory(_now.AddDays(-14), user.SignInSessionsValidFromDateTime)).ToArray();
    }
}
