using System.Globalization;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// Get-SuspiciousAuthenticationMethod through PowerShell against the aitm-bec tenant, reading only (and -WhatIf). Each
/// user's method list counts against Graph's reports budget (5 requests per 10 s), so each test reads one or two users.
/// </summary>
public sealed class GetSuspiciousAuthenticationMethodTests : IClassFixture<SandboxFixture>
{
    private const string HerIPhone = "76dca866-649b-4809-8780-b8cf55034265";
    private const string AttackersGalaxy = "7c77833f-338f-4aab-b1c8-046a3c6dd345";
    private const string QrCodePin = "c2f0a4b6-5d1e-4f7a-9b3c-8e6d2a1f0b94";

    private readonly SandboxFixture _fixture;

    public GetSuspiciousAuthenticationMethodTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    private UserRecord Adele => Sandbox.Tenant.FindUser("adelev@contoso.com")!;

    private string[] AttackersMethods =>
        Sandbox.EvaluateFootholds().Where(f => f.Kind == FootholdKind.AuthenticationMethod).Select(f => f.Target!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_attackers_methods_are_High_with_their_reasons_her_own_iPhone_is_not_a_finding_and_the_unknown_kind_is_reported()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("Get-SuspiciousAuthenticationMethod -UserId adelev@contoso.com -Since ([datetime]::UtcNow.AddDays(-2))");

        Assert.Empty(result.AllErrors);
        dynamic[] findings = result.Rows("AuthenticationMethodFinding");
        Assert.Equal(AttackersMethods, findings.Where(f => (string)f.RiskLevel == "High").Select(f => (string)f.MethodId).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(findings, f => (string)f.MethodId == HerIPhone);

        dynamic phone = findings.Single(f => (string)f.MethodId == WellKnownAuthenticationMethodIds.AlternateMobilePhone);
        // Graph lists phones undated: the directory audit log's "User registered security info" dates it.
        Assert.Equal(new[] { "AuthMethodRegisteredSinceCompromiseByAuditLog", "AuthMethodPhoneAbroad" }, (string[])phone.ReasonCodes);
        Assert.Equal(("Phone", "+44 ********61, alternateMobile"), ((string)phone.Type, (string)phone.DisplayDetail));
        Assert.Equal($"/users/{Adele.Id}/authentication/phoneMethods/{WellKnownAuthenticationMethodIds.AlternateMobilePhone}", (string)phone.DeletePath);
        Assert.DoesNotContain(findings, f => ((string)f.DisplayDetail).Contains("7700900461", StringComparison.Ordinal));

        dynamic galaxy = findings.Single(f => (string)f.MethodId == AttackersGalaxy);
        Assert.Equal("MicrosoftAuthenticator", (string)galaxy.Type);
        Assert.StartsWith("Galaxy S21", (string)galaxy.DisplayDetail, StringComparison.Ordinal);
        Assert.Null((DateTimeOffset?)galaxy.CreatedDateTime); // an Authenticator not set up for passwordless sign-in has no date in Graph
        Assert.Contains("AuthMethodRegisteredSinceCompromiseByAuditLog", (string[])galaxy.ReasonCodes);

        dynamic unknown = findings.Single(f => (string)f.MethodId == QrCodePin);
        Assert.Equal(("Unknown", "#microsoft.graph.qrCodePinAuthenticationMethod", "Medium"), ((string)unknown.Type, (string)unknown.ODataType, (string)unknown.RiskLevel));
        Assert.Null((string?)unknown.DeletePath);
    }

    [Fact]
    public void Since_takes_a_findings_DateTimeOffset_and_SuspiciousSignIn_takes_the_nothing_a_quiet_users_sign_ins_give()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        // A finding's CreatedDateTime is a DateTimeOffset, which PowerShell cannot turn into a DateTime by itself; and
        // Get-SuspiciousSignIn for a user with nothing suspicious gives $null.
        ScriptResult result = shell.Run(
            """
            $start = [DateTimeOffset]::UtcNow.AddDays(-2).ToOffset([TimeSpan]::FromHours(2))
            $signIns = $null
            Get-SuspiciousAuthenticationMethod -UserId adelev@contoso.com -Since $start -SuspiciousSignIn $signIns -MinimumRisk High
            Get-SuspiciousDevice -UserId adelev@contoso.com -Since $start -SuspiciousSignIn @() -MinimumRisk High
            """);

        Assert.Empty(result.AllErrors);
        Assert.Equal(AttackersMethods, result.Rows("AuthenticationMethodFinding").Where(f => (string)f.RiskLevel == "High").Select(f => (string)f.MethodId).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("DESKTOP-R8T2KQ9", (string)Assert.Single(result.Rows("DeviceFinding")).DisplayName);
    }

    [Fact]
    public void MinimumRisk_High_still_reports_the_kind_the_module_does_not_know_and_IncludeNonSuspicious_adds_her_own_as_None()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult high = shell.Run("Get-SuspiciousAuthenticationMethod -UserId adelev@contoso.com -Since ([datetime]::UtcNow.AddDays(-2)) -MinimumRisk High");
        ScriptResult all = shell.Run("Get-SuspiciousAuthenticationMethod -UserId adelev@contoso.com -Since ([datetime]::UtcNow.AddDays(-2)) -IncludeNonSuspicious");

        Assert.Empty(high.AllErrors);
        Assert.Empty(all.AllErrors);
        dynamic[] highRows = high.Rows("AuthenticationMethodFinding");
        Assert.All(highRows.Where(f => (string)f.MethodId != QrCodePin), f => Assert.Equal("High", (string)f.RiskLevel));
        Assert.Contains(highRows, f => (string)f.MethodId == QrCodePin && (string)f.Type == "Unknown");

        dynamic[] allRows = all.Rows("AuthenticationMethodFinding");
        dynamic iPhone = allRows.Single(f => (string)f.MethodId == HerIPhone);
        Assert.Equal(("None", 0), ((string)iPhone.RiskLevel, (int)iPhone.Score));
        Assert.Empty((string[])iPhone.Reasons);

        // Every method Graph lists but the password, which is never a finding (Reset-CompromisedPassword deals with it).
        string[] listed = Sandbox.Tenant.AuthenticationMethodsOf(Adele.Id).Where(m => m.Type != AuthenticationMethodType.Password).Select(m => m.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(listed, allRows.Select(f => (string)f.MethodId).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_phone_abroad_is_flagged_against_the_users_usage_location_a_user_abroad_with_a_phone_of_her_own_country_is_not_and_a_bad_user_does_not_stop_the_rest()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("'adelev@contoso.com', 'nobody@contoso.com', 'lynner@contoso.com' | Get-SuspiciousAuthenticationMethod -IncludeNonSuspicious");

        Assert.Equal("UserNotFound", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        dynamic[] findings = result.Rows("AuthenticationMethodFinding");

        // Adele's usage location is US: the attacker's +44 number is abroad, her own +1 mobile is not.
        dynamic attackers = findings.Single(f => (string)f.UserPrincipalName == "adelev@contoso.com" && (string)f.MethodId == WellKnownAuthenticationMethodIds.AlternateMobilePhone);
        Assert.Equal(("Medium", "AuthMethodPhoneAbroad"), ((string)attackers.RiskLevel, Assert.Single((string[])attackers.ReasonCodes)));
        Assert.Contains("usage location is US", Assert.Single((string[])attackers.Reasons), StringComparison.Ordinal);
        dynamic hers = findings.Single(f => (string)f.UserPrincipalName == "adelev@contoso.com" && (string)f.MethodId == WellKnownAuthenticationMethodIds.MobilePhone);
        Assert.Equal("None", (string)hers.RiskLevel);

        // Lynne works from London (GB) with a +44 mobile: the same country code as the attacker's, and her own.
        dynamic lynnes = findings.Single(f => (string)f.UserPrincipalName == "lynner@contoso.com" && (string)f.Type == "Phone");
        Assert.StartsWith("+44 ", (string)lynnes.DisplayDetail, StringComparison.Ordinal);
        Assert.Equal("None", (string)lynnes.RiskLevel);
    }

    [Fact]
    public void Suspicious_sign_ins_live_or_re_imported_flag_the_method_registered_in_their_session_and_a_broken_one_is_a_warning()
    {
        // The attacker's successful sign-ins, as Get-SuspiciousSignIn writes them (High, the phishing-proxy and new-country rules).
        SignInRecord[] attackers = Sandbox.Tenant.SignIns.Where(s => s.UserId == Adele.Id && s.IpAddress == "198.51.100.77" && s.Status.ErrorCode == 0).ToArray();
        Assert.NotEmpty(attackers);
        string[] ids = attackers.Select(s => s.Id).ToArray();
        string[] times = attackers.Select(s => s.CreatedDateTime.ToString("o", CultureInfo.InvariantCulture)).ToArray();
        using HostedPowerShell shell = _fixture.ConnectedShell();
        var parameters = Parameters.Of(("User", Adele.Id), ("Ids", ids), ("Times", times));

        // Live: the module's own SignInFinding objects.
        ScriptResult live = shell.Run(
            """
            param($User, $Ids, $Times)
            $signIns = for ($i = 0; $i -lt $Ids.Count; $i++) {
                $finding = [IdentityContainment.SignInFinding]::new()
                $finding.UserId = $User; $finding.UserPrincipalName = 'adelev@contoso.com'; $finding.SignInId = $Ids[$i]
                $finding.CreatedDateTime = [DateTimeOffset]::Parse($Times[$i], [cultureinfo]::InvariantCulture)
                $finding.IpAddress = '198.51.100.77'; $finding.RiskLevel = 'High'; $finding.Score = 80
                $finding.ReasonCodes = 'OfficeHomeWithoutDevice', 'NewCountry'
                $finding
            }
            Get-SuspiciousAuthenticationMethod -UserId adelev@contoso.com -SuspiciousSignIn $signIns
            """,
            parameters);

        // Re-imported: flat rows with text values, as ConvertFrom-Json or Import-Csv give them, and one without its time.
        ScriptResult reimported = shell.Run(
            """
            param($User, $Ids, $Times)
            $signIns = @(for ($i = 0; $i -lt $Ids.Count; $i++) {
                [pscustomobject]@{ UserId = $User; UserPrincipalName = 'adelev@contoso.com'; SignInId = $Ids[$i]; CreatedDateTime = $Times[$i]; IpAddress = '198.51.100.77'; RiskLevel = 'High'; ReasonCodes = 'OfficeHomeWithoutDevice NewCountry' }
            }) + [pscustomobject]@{ UserId = $User; SignInId = 'no-time'; RiskLevel = 'High' }
            Get-SuspiciousAuthenticationMethod -UserId adelev@contoso.com -SuspiciousSignIn $signIns
            """,
            parameters);

        foreach (ScriptResult result in new[] { live, reimported })
        {
            Assert.Empty(result.AllErrors);
            dynamic[] duringSignIn = result.Rows("AuthenticationMethodFinding").Where(f => ((string[])f.ReasonCodes).Contains("AuthMethodRegisteredDuringSuspiciousSignIn")).ToArray();
            Assert.Equal(AttackersGalaxy, (string)Assert.Single(duringSignIn).MethodId);
            Assert.DoesNotContain(result.Rows("AuthenticationMethodFinding"), f => (string)f.MethodId == HerIPhone);
        }

        Assert.Empty(live.Warnings);
        Assert.Contains("CreatedDateTime", Assert.Single(reimported.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_sends_nothing_to_graph_and_every_method_stays()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        shell.Run("$script:found = @(Get-SuspiciousAuthenticationMethod -UserId adelev@contoso.com -Since ([datetime]::UtcNow.AddDays(-2)))").ThrowIfFailed();
        string[] before = Sandbox.Tenant.AuthenticationMethodsOf(Adele.Id).Select(m => m.Id).Order(StringComparer.Ordinal).ToArray();
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run("'FOUND ' + $found.Count; $found | Remove-SuspiciousAuthenticationMethod -WhatIf");

        Assert.Empty(result.AllErrors);
        Assert.NotEqual("FOUND 0", (string)Assert.Single(result.Output).BaseObject);
        Assert.DoesNotContain(Sandbox.Requests.Snapshot(), e => e.Kind is RequestKind.Graph or RequestKind.Batch);
        Assert.Equal(before, Sandbox.Tenant.AuthenticationMethodsOf(Adele.Id).Select(m => m.Id).Order(StringComparer.Ordinal).ToArray());
        Assert.All(Sandbox.EvaluateFootholds().Where(f => f.Kind == FootholdKind.AuthenticationMethod), f => Assert.True(f.IsOpen, f.Reason));
    }
}
