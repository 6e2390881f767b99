using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>The aitm-bec tenant with Graph's own page sizes: a user's sign-in log is one page, as in Graph.</summary>
public sealed class AitmBecSignInFixture : SandboxFixture
{
    protected override int? PageSize => null;
}

/// <summary>
/// Get-SuspiciousSignIn through PowerShell against the aitm-bec tenant's sign-in log, inside its real budget of 5
/// requests per 10 s: the attack on Adele step by step, the near misses beside it, the compromise start, users that are
/// not there, the window, the query shape for many users, and findings re-imported from JSON.
/// </summary>
public sealed class GetSuspiciousSignInTests : IClassFixture<AitmBecSignInFixture>
{
    private const string Adele = "adelev@contoso.com";
    private const string Alex = "alexw@contoso.com";
    private const string Lee = "leeg@contoso.com";

    private readonly AitmBecSignInFixture _fixture;

    public GetSuspiciousSignInTests(AitmBecSignInFixture fixture) => _fixture = fixture;

    [Fact]
    public void The_attack_steps_come_out_with_their_risk_and_the_near_misses_stay_low()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run($"'{Adele}', '{Alex}', '{Lee}' | Get-SuspiciousSignIn -Since ([datetime]::UtcNow.AddDays(-14)) -Verbose");

        Assert.Empty(result.AllErrors);
        Assert.Contains(result.Verbose, v => v.Contains("a query per user", StringComparison.Ordinal));
        dynamic[] rows = result.Rows("SignInFinding");
        dynamic[] adele = rows.Where(r => (string)r.UserPrincipalName == Adele).ToArray();
        dynamic[] alex = rows.Where(r => (string)r.UserPrincipalName == Alex).ToArray();
        dynamic[] lee = rows.Where(r => (string)r.UserPrincipalName == Lee).ToArray();

        // Adele: the spray through a script, MFA fatigue, the proxy's replayed session, IMAP through ROPC, the device
        // registration, and a sign-in after her sessions were revoked.
        Assert.Contains(adele, r => (string)r.IpAddress == "192.0.2.200" && Has(r, "ToolingUserAgent") && (string)r.RiskLevel == "High");
        Assert.Contains(adele, r => Has(r, "MfaFatigue") && (int)r.ErrorCode == 500121 && AtLeastMedium(r));
        Assert.Equal(new[] { "192.0.2.150", "198.51.100.77" }, adele.Where(r => Has(r, "TokenReplay")).Select(r => (string)r.IpAddress).Order(StringComparer.Ordinal));
        Assert.All(adele.Where(r => Has(r, "TokenReplay")), r => Assert.Equal("High", (string)r.RiskLevel));
        Assert.Contains(adele, r => (string)r.ClientAppUsed == "IMAP4" && Has(r, "LegacyClient") && (string)r.RiskLevel == "High");
        Assert.Contains(adele, r => Has(r, "DeviceRegistration") && AtLeastMedium(r));
        Assert.Contains(adele, r => Has(r, "SignInAfterRevocation") && AtLeastMedium(r));
        Assert.All(adele, r => Assert.NotEmpty((string[])r.Reasons));

        // The near misses: Alex's flight over and on to New York, and Adele's trip inside her own country.
        Assert.DoesNotContain(alex, r => Has(r, "ImpossibleTravel"));
        Assert.Equal("Low", (string)alex.Single(r => ((string?)r.Location)?.StartsWith("New York", StringComparison.Ordinal) == true).RiskLevel);
        Assert.All(adele.Where(r => ((string?)r.Location)?.StartsWith("Spokane", StringComparison.Ordinal) == true), r =>
        {
            Assert.Equal("Low", (string)r.RiskLevel);
            Assert.False(Has(r, "NewCountry"));
        });

        // Lee's New York sign-in 40 minutes after London is impossible.
        dynamic leeInNewYork = lee.Single(r => ((string?)r.Location)?.StartsWith("New York", StringComparison.Ordinal) == true);
        Assert.True(Has(leeInNewYork, "ImpossibleTravel"));
        Assert.Equal("High", (string)leeInNewYork.RiskLevel);
    }

    [Fact]
    public void Summary_gives_each_users_compromise_start_and_names_the_users_without_one_in_a_verbose_line()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run($"'{Adele}', 'nestorw@contoso.com' | Get-SuspiciousSignIn -Since ([datetime]::UtcNow.AddDays(-14)) -Summary -Verbose");

        Assert.Empty(result.AllErrors);
        dynamic start = Assert.Single(result.Rows("SignInFinding"));
        Assert.Equal(Adele, (string)start.UserPrincipalName);
        // The attacker's first way in (the phishing proxy's successful sign-in), not the spray that failed before it.
        Assert.Equal(("198.51.100.77", 0), ((string)start.IpAddress, (int)start.ErrorCode));
        Assert.Contains("OfficeHomeWithoutDevice", (string[])start.ReasonCodes);
        Assert.Contains(result.Verbose, v => v.Contains("No sign-in of nestorw@contoso.com at Medium risk or above", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_user_among_good_ones_is_an_error_of_its_own_and_the_rest_are_judged()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run($"'{Adele}', 'nobody@contoso.com', 'not a user' | Get-SuspiciousSignIn -MinimumRisk High");

        Assert.Null(result.Terminating);
        Assert.Equal(new[] { "UserIdMalformed", "UserNotFound" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).Order());
        dynamic[] rows = result.Rows("SignInFinding");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(Adele, (string)r.UserPrincipalName));
        Assert.All(rows, r => Assert.Equal("High", (string)r.RiskLevel));
    }

    [Fact]
    public void Since_and_Until_bound_the_sign_ins_judged_and_an_Until_before_Since_is_refused_before_any_request()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        _fixture.Sandbox.Requests.Clear();

        ScriptResult reversed = shell.Run($"try {{ Get-SuspiciousSignIn -UserId '{Adele}' -Since ([datetime]::UtcNow.AddDays(-1)) -Until ([datetime]::UtcNow.AddDays(-2)); 'went on' }} catch {{ $_ }}");

        ErrorRecord refusal = StoppedBy(reversed);
        Assert.StartsWith("SignInWindowReversed", refusal.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("give -Until after -Since", refusal.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Sandbox.Requests.Snapshot(), r => r.Path.StartsWith("/auditLogs/signIns", StringComparison.Ordinal));

        // The phish day: from the MFA prompts before it to the replayed session after it, nothing earlier or later.
        DateTimeOffset since = DateTimeOffset.UtcNow.AddHours(-50);
        DateTimeOffset until = DateTimeOffset.UtcNow.AddHours(-47);
        ScriptResult day = shell.Run(
            $"param($Since, $Until) Get-SuspiciousSignIn -UserId '{Adele}' -Since $Since -Until $Until",
            Parameters.Of(("Since", since.UtcDateTime), ("Until", until.UtcDateTime)));

        Assert.Empty(day.AllErrors);
        dynamic[] rows = day.Rows("SignInFinding");
        Assert.All(rows, r => Assert.InRange((DateTimeOffset)r.CreatedDateTime, since, until));
        Assert.Contains(rows, r => Has(r, "MfaFatigue"));
        Assert.Contains(rows, r => Has(r, "TokenReplay"));
        Assert.DoesNotContain(rows, r => (string)r.IpAddress == "192.0.2.200");
    }

    /// <summary>
    /// All ten users of the tenant: from ten users on the cmdlet reads the log's first page to choose, and the tenant's
    /// whole log for the range fits on it, so that one request serves every user.
    /// </summary>
    [Fact]
    public void Many_users_whose_whole_log_fits_on_a_page_are_read_with_one_request_and_the_verbose_stream_says_why()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        string[] everyone = _fixture.Sandbox.Tenant.Users.Select(u => u.UserPrincipalName).ToArray();
        Assert.True(everyone.Length >= 10);
        _fixture.Sandbox.Requests.Clear();

        ScriptResult result = shell.Run("param($Users) $Users | Get-SuspiciousSignIn -Since ([datetime]::UtcNow.AddDays(-14)) -MinimumRisk High -Verbose", Parameters.Of(("Users", everyone)));

        Assert.Empty(result.AllErrors);
        // Counted without the sandbox's 429s: the tests of this class share the tenant's budget of 5 requests per 10 s, while
        // each test's connection paces only its own, so a test may wait out a Retry-After the one before it caused.
        Assert.Equal(1, _fixture.Sandbox.Requests.Snapshot().Count(r => r.Path.StartsWith("/auditLogs/signIns", StringComparison.Ordinal) && r.Status != 429));
        Assert.Contains(result.Verbose, v => v.Contains("fitted on the first page", StringComparison.Ordinal));
        dynamic[] rows = result.Rows("SignInFinding");
        Assert.Contains(rows, r => (string)r.UserPrincipalName == Adele && (string)r.IpAddress == "192.0.2.200");
        Assert.Contains(rows, r => (string)r.UserPrincipalName == Lee && Has(r, "ImpossibleTravel"));
    }

    /// <summary>
    /// Findings written to JSON and read back as plain objects (text values, as ConvertFrom-Json or Import-Csv give them)
    /// are what the method and device hunts take through SignInFindingInput: the Medium+ sign-ins and the attacker's device.
    /// </summary>
    [Fact]
    public void Findings_re_imported_from_JSON_feed_the_other_hunts_input_with_the_attackers_device()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        string attackersDevice = _fixture.Sandbox.Tenant.Devices.Single(d => d.DisplayName == "DESKTOP-R8T2KQ9").DeviceId!;
        string laptop = _fixture.Sandbox.Tenant.Devices.Single(d => d.DisplayName == "CONTOSO-LT-0142").DeviceId!;

        ScriptResult live = shell.Run($"Get-SuspiciousSignIn -UserId '{Adele}' -Since ([datetime]::UtcNow.AddDays(-14)) -MinimumRisk Medium");
        Assert.Empty(live.AllErrors);
        PSObject[] copies = live.Output.Select(RoundTripThroughJson).ToArray();

        ScriptResult read = shell.Run(
            """
            param($Rows)
            $reader = (Get-Command Get-SuspiciousSignIn).ImplementingType.Assembly.GetType('IdentityContainment.SignIns.SignInFindingInput')
            $result = $reader::Read([psobject[]]$Rows)
            [pscustomobject]@{ Read = $result.Findings.Count; Flagged = $result.Flagged().Count; Devices = [string[]]$result.DeviceIds(); Problems = $result.Problems.Count }
            """,
            Parameters.Of(("Rows", copies)));

        Assert.Empty(read.AllErrors);
        dynamic summary = Assert.Single(read.Output);
        Assert.Equal(live.Output.Count, (int)summary.Read);
        Assert.Equal(live.Output.Count, (int)summary.Flagged);
        Assert.Equal(0, (int)summary.Problems);
        Assert.Contains(attackersDevice, (string[])summary.Devices, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(laptop, (string[])summary.Devices, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The one error that stopped a script run as <c>try { ...; 'went on' } catch { $_ }</c>: a terminating error is
    /// caught (so nothing follows it), a non-terminating one would let the script go on.
    /// </summary>
    internal static ErrorRecord StoppedBy(ScriptResult result)
    {
        Assert.Empty(result.AllErrors);
        return Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
    }

    private static bool Has(dynamic row, string reasonCode) => ((string[])row.ReasonCodes).Contains(reasonCode);

    private static bool AtLeastMedium(dynamic row) => (string)row.RiskLevel is "Medium" or "High";

    /// <summary>A finding as JSON evidence read back: a plain object whose values are text (and arrays of text).</summary>
    private static PSObject RoundTripThroughJson(PSObject finding)
    {
        var values = finding.Properties.ToDictionary(p => p.Name, p => p.Value);
        JsonObject json = JsonNode.Parse(JsonSerializer.Serialize(values))!.AsObject();
        var copy = new PSObject();
        foreach ((string name, JsonNode? value) in json)
        {
            object? plain = value switch
            {
                JsonArray array => array.Select(item => item?.ToString()).ToArray(),
                null => null,
                _ => value.ToString(),
            };
            copy.Properties.Add(new PSNoteProperty(name, plain));
        }

        return copy;
    }
}

/// <summary>The aitm-bec tenant without an Entra ID P1 or P2 licence: Graph serves it no sign-in log.</summary>
public sealed class UnlicensedSignInFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions()
    {
        Scenario tenant = ScenarioLoader.Load("aitm-bec");
        return new() { ScenarioObject = tenant with { Tenant = tenant.Tenant with { HasEntraIdPremium = false } } };
    }

    protected override int? PageSize => null;
}

/// <summary>
/// Without the licence the whole tenant's log is refused, so the first refusal stops the run with one error that says
/// what to license, however many users were named and whichever query shape was taken.
/// </summary>
public sealed class GetSuspiciousSignInLicenceTests : IClassFixture<UnlicensedSignInFixture>
{
    private readonly UnlicensedSignInFixture _fixture;

    public GetSuspiciousSignInLicenceTests(UnlicensedSignInFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void A_tenant_without_Entra_ID_P1_stops_the_run_with_one_error_that_says_what_to_license(int users)
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        string[] named = _fixture.Sandbox.Tenant.Users.Select(u => u.UserPrincipalName).Take(users).ToArray();

        ScriptResult result = shell.Run("param($Users) try { $Users | Get-SuspiciousSignIn; 'went on' } catch { $_ }", Parameters.Of(("Users", named)));

        ErrorRecord error = GetSuspiciousSignInTests.StoppedBy(result);
        Assert.StartsWith("SignInLogNeedsPremiumLicence", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("Entra ID P1 or P2", error.Exception.Message, StringComparison.Ordinal);
    }
}

/// <summary>Without AuditLog.Read.All each user's log is refused on its own: one error per user, naming what to grant.</summary>
public sealed class GetSuspiciousSignInPermissionTests : IClassFixture<AitmBecSignInFixture>
{
    private readonly AitmBecSignInFixture _fixture;

    public GetSuspiciousSignInPermissionTests(AitmBecSignInFixture fixture) => _fixture = fixture;

    [Fact]
    public void Without_AuditLog_Read_All_each_user_gets_an_error_naming_the_permission_the_role_and_the_licence()
    {
        using HostedPowerShell shell = _fixture.ShellWithOnly("User.Read.All");
        UserRecord adele = _fixture.Sandbox.Tenant.FindUser("adelev@contoso.com")!;
        UserRecord lee = _fixture.Sandbox.Tenant.FindUser("leeg@contoso.com")!;

        ScriptResult result = shell.Run("'adelev@contoso.com', 'leeg@contoso.com' | Get-SuspiciousSignIn");

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("SignInLogAccessDenied", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category);
            Assert.Contains("AuditLog.Read.All", e.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("Reports Reader", e.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("Entra ID P1 or P2", e.Exception.Message, StringComparison.Ordinal);
        });
        Assert.Equal(new[] { adele.Id, lee.Id }.Order(), result.Errors.Select(e => e.TargetObject?.ToString()).Order());
    }
}
