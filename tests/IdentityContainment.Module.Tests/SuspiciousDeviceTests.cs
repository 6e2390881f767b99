using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// Get-SuspiciousDevice and Disable-SuspiciousDevice through PowerShell, against the aitm-bec tenant: the attacker
/// registered DESKTOP-R8T2KQ9 after the phish and signs in from it; Adele's laptop and her old iPhone are her own.
/// </summary>
public sealed class SuspiciousDeviceTests : IClassFixture<SandboxFixture>
{
    private const string Adele = "adelev@contoso.com";
    private const string AttackerDevice = "adff32f5-35dd-4954-a7f8-022a4eedef2a";
    private const string AdeleLaptop = "b21b1c2e-1f61-41bc-acb7-0dd842762334";
    private const string AdelePhone = "4e277e37-2ca3-4564-b2b5-d6383b7e7a53";

    private readonly SandboxFixture _fixture;

    public SuspiciousDeviceTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    /// <summary>Half an hour before the attacker's device registered: after the phish, long after Adele's own devices.</summary>
    private DateTime Since => Sandbox.Tenant.FindDevice(AttackerDevice)!.RegistrationDateTime!.Value.AddMinutes(-30).UtcDateTime;

    /// <summary>
    /// Sign-in findings as Get-SuspiciousSignIn writes them (the properties the device hunt reads): the attacker's
    /// sign-in from its device at High, her own laptop's at Low (below what counts), and one without a time.
    /// </summary>
    private string SignInFindings()
    {
        DeviceRecord attackers = Sandbox.Tenant.FindDevice(AttackerDevice)!;
        DeviceRecord laptop = Sandbox.Tenant.FindDevice(AdeleLaptop)!;
        string adele = Sandbox.Tenant.FindUser(Adele)!.Id;
        return $$"""
            $signIns = @(
                [pscustomobject]@{ UserId = '{{adele}}'; UserPrincipalName = '{{Adele}}'; CreatedDateTime = [datetime]::UtcNow.AddHours(-6); DeviceId = '{{attackers.DeviceId}}'; RiskLevel = 'High'; ReasonCodes = @('ImpossibleTravel', 'NewIpAddress', 'NewCountry', 'SignInAfterRevocation') }
                [pscustomobject]@{ UserId = '{{adele}}'; UserPrincipalName = '{{Adele}}'; CreatedDateTime = [datetime]::UtcNow.AddDays(-1); DeviceId = '{{laptop.DeviceId}}'; RiskLevel = 'Low'; ReasonCodes = @('NewCity') }
                [pscustomobject]@{ UserId = '{{adele}}'; DeviceId = '{{attackers.DeviceId}}'; RiskLevel = 'High' }
            )
            """;
    }

    /// <summary>A user other than Adele for a test's own devices, each test its own.</summary>
    private UserRecord Member(int index) => _fixture.PlainMembers.Where(u => u.UserPrincipalName != Adele).ElementAt(index);

    private DeviceRecord AddDevice(int index, string operatingSystem, UserRecord owner)
    {
        var device = new DeviceRecord
        {
            Id = $"7d100000-0000-4000-8000-{index:D12}", DeviceId = $"7d200000-0000-4000-8000-{index:D12}", DisplayName = $"ROGUE-{operatingSystem}-{index}",
            OperatingSystem = operatingSystem, TrustType = "Workplace", IsManaged = false, RegistrationDateTime = DateTimeOffset.UtcNow.AddHours(-2),
            RegisteredOwners = [owner.Id], RegisteredUsers = [owner.Id],
        };
        Sandbox.Tenant.AddDevice(device);
        return device;
    }

    [Fact]
    public void The_attackers_device_is_high_with_its_reasons_and_adeles_own_devices_are_kept()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U, $S)\n" + SignInFindings() + "\n$U, 'nobody@contoso.com' | Get-SuspiciousDevice -Since $S -SuspiciousSignIn $signIns",
            Parameters.Of(("U", Adele), ("S", Since)));

        Assert.Equal("UserNotFound", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(result.Warnings, w => w.Contains("has no CreatedDateTime", StringComparison.Ordinal));
        dynamic[] findings = result.Rows("DeviceFinding");
        Assert.Equal(findings.Length, result.Output.Count);
        dynamic attacker = Assert.Single(findings, f => (string)f.DeviceObjectId == AttackerDevice);
        Assert.Equal(("High", 100, "DESKTOP-R8T2KQ9", "Workplace"), ((string)attacker.RiskLevel, (int)attacker.Score, (string)attacker.DisplayName, (string)attacker.TrustType));
        Assert.Equal(
            new[] { "DeviceRegisteredSinceCompromise", "DeviceUsedInSuspiciousSignIn", "DeviceWorkplaceRegistered", "DeviceUnmanaged" },
            (string[])attacker.ReasonCodes);
        Assert.All((string[])attacker.Reasons, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));

        // Her old iPhone is Entra registered and unmanaged, but long before the phish: Low. Her laptop is no finding.
        dynamic phone = Assert.Single(findings, f => (string)f.DeviceObjectId == AdelePhone);
        Assert.Equal("Low", (string)phone.RiskLevel);
        Assert.False((bool)phone.AppOnlyCanDisable);
        Assert.DoesNotContain(findings, f => (string)f.DeviceObjectId == AdeleLaptop);

        ScriptResult high = shell.Run("param($U, $S) Get-SuspiciousDevice $U -Since $S -MinimumRisk High", Parameters.Of(("U", Adele), ("S", Since)));
        Assert.Equal(AttackerDevice, (string)Assert.Single(high.Rows("DeviceFinding")).DeviceObjectId);

        ScriptResult all = shell.Run("param($U) Get-SuspiciousDevice $U -IncludeNonSuspicious", Parameters.Of(("U", Adele)));
        Assert.Equal("None", (string)Assert.Single(all.Rows("DeviceFinding"), f => (string)f.DeviceObjectId == AdeleLaptop).RiskLevel);
    }

    [Fact]
    public void Disable_with_WhatIf_sends_nothing()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run("param($U, $S) Get-SuspiciousDevice $U -Since $S -IncludeNonSuspicious | Disable-SuspiciousDevice -WhatIf", Parameters.Of(("U", Adele), ("S", Since)));

        Assert.Empty(result.AllErrors);
        Assert.Empty(result.Output);
        Assert.DoesNotContain(Sandbox.Requests.Snapshot(), r => r.Path.StartsWith("/devices", StringComparison.Ordinal));
    }

    [Fact]
    public void Disabling_the_attackers_device_closes_its_foothold_keeps_the_before_image_and_leaves_her_own_devices()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U, $S) $script:found = Get-SuspiciousDevice $U -Since $S -MinimumRisk High; $script:found | Disable-SuspiciousDevice -Confirm:$false",
            Parameters.Of(("U", Adele), ("S", Since)));

        Assert.Empty(result.AllErrors);
        dynamic row = Assert.Single(result.Rows("ContainmentAction"));
        Assert.Equal(("DisableDevice", "Succeeded", AttackerDevice, false), ((string)row.Action, (string)row.Status, (string)row.Target, (bool)row.AccountEnabled));
        Assert.Contains("DESKTOP-R8T2KQ9", (string)row.BeforeImage, StringComparison.Ordinal);
        Assert.False(Sandbox.EvaluateFootholds().Single(f => f.Id == "aitm-device").IsOpen);
        Assert.True(Sandbox.Tenant.FindDevice(AdeleLaptop)!.AccountEnabled);
        Assert.True(Sandbox.Tenant.FindDevice(AdelePhone)!.AccountEnabled);

        // The same finding again: the device is already disabled, so nothing is written and it says so.
        ScriptResult again = shell.Run("$script:found | Disable-SuspiciousDevice -Confirm:$false");

        Assert.Empty(again.AllErrors);
        Assert.Equal("Skipped", (string)Assert.Single(again.Rows("ContainmentAction")).Status);
    }

    [Fact]
    public void An_app_is_refused_adeles_iphone_with_the_roles_that_can_while_the_other_devices_are_disabled()
    {
        UserRecord member = Member(0);
        DeviceRecord rogue = AddDevice(1, "Windows", member);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U, $M, $S) @(Get-SuspiciousDevice $U) + @(Get-SuspiciousDevice $M -Since $S) | Where-Object { $_.DisplayName -ne 'DESKTOP-R8T2KQ9' } | Disable-SuspiciousDevice -Confirm:$false",
            Parameters.Of(("U", Adele), ("M", member.UserPrincipalName), ("S", DateTime.UtcNow.AddDays(-1))));

        ErrorRecord refused = Assert.Single(result.Errors);
        Assert.StartsWith("AppOnlyCannotDisableDevice,", refused.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.PermissionDenied, refused.CategoryInfo.Category);
        foreach (string needed in new[] { "iOS", "Cloud Device Administrator", "Intune Administrator", "Global Administrator", "Connect-IdentityContainment" })
        {
            Assert.Contains(needed, refused.Exception.Message, StringComparison.Ordinal);
        }

        dynamic[] rows = result.Rows("ContainmentAction");
        Assert.Equal("Failed", (string)Assert.Single(rows, r => (string)r.Target == AdelePhone).Status);
        Assert.Equal("Succeeded", (string)Assert.Single(rows, r => (string)r.Target == rogue.Id).Status);
        Assert.True(Sandbox.Tenant.FindDevice(AdelePhone)!.AccountEnabled);
        Assert.False(Sandbox.Tenant.FindDevice(rogue.Id)!.AccountEnabled);
    }

    [Fact]
    public void A_device_administrator_signed_in_as_a_person_disables_the_phone_an_app_could_not()
    {
        UserRecord member = Member(1);
        DeviceRecord phone = AddDevice(2, "Android", member);
        using HostedPowerShell probe = _fixture.ConnectedShell();
        string[] defaults = probe.Run("[IdentityContainment.Connection.DelegatedScopes]::Default").Output.Select(o => (string)o.BaseObject).ToArray();
        UserRecord globalAdmin = Sandbox.Tenant.Users.First(u => u.DirectoryRoles.Contains(DirectoryRoles.GlobalAdministrator));
        string token = Sandbox.IssueAccessToken(new AccessTokenRequest { AppId = "14d82eec-204b-4c2f-b7e8-296a70dab67e", UserPrincipalName = globalAdmin.UserPrincipalName, Permissions = defaults });
        using HostedPowerShell shell = SandboxFixture.ShellWithToken(token, Sandbox);

        ScriptResult result = shell.Run("param($M, $S) Get-SuspiciousDevice $M -Since $S | Disable-SuspiciousDevice -Confirm:$false", Parameters.Of(("M", member.UserPrincipalName), ("S", DateTime.UtcNow.AddDays(-1))));

        Assert.Empty(result.AllErrors);
        Assert.Equal("Succeeded", (string)Assert.Single(result.Rows("ContainmentAction"), r => (string)r.Target == phone.Id).Status);
        Assert.False(Sandbox.Tenant.FindDevice(phone.Id)!.AccountEnabled);
    }

    [Fact]
    public void A_bad_finding_among_good_ones_is_an_error_and_the_rest_are_disabled()
    {
        UserRecord member = Member(2);
        DeviceRecord rogue = AddDevice(3, "Windows", member);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        // A finding as re-imported evidence gives it back (every value a string), between two objects that name no device.
        ScriptResult result = shell.Run(
            """
            param($Id, $User)
            @(
                [pscustomobject]@{ DeviceObjectId = 'DESKTOP-R8T2KQ9'; UserId = $User }
                [pscustomobject]@{ DeviceObjectId = $Id; UserId = $User; DisplayName = 'ROGUE'; OperatingSystem = 'Windows'; RiskLevel = 'High' }
                'adelev@contoso.com'
            ) | Disable-SuspiciousDevice -Confirm:$false
            """,
            Parameters.Of(("Id", rogue.Id), ("User", member.Id)));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("NotADeviceFinding,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("Get-SuspiciousDevice", e.Exception.Message, StringComparison.Ordinal);
        });
        dynamic row = Assert.Single(result.Rows("ContainmentAction"));
        Assert.Equal(("Succeeded", rogue.Id), ((string)row.Status, (string)row.Target));
        Assert.False(Sandbox.Tenant.FindDevice(rogue.Id)!.AccountEnabled);
    }

    [Fact]
    public void A_finding_piped_to_revoke_names_its_user_whose_new_devices_are_disabled()
    {
        UserRecord member = Member(3);
        DeviceRecord rogue = AddDevice(4, "Windows", member);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($M, $S) Get-SuspiciousDevice $M -Since $S -MinimumRisk High | Revoke-CompromisedSession -DisableDevice -Since $S -Confirm:$false",
            Parameters.Of(("M", member.UserPrincipalName), ("S", DateTime.UtcNow.AddDays(-1))));

        Assert.Empty(result.AllErrors);
        dynamic[] rows = result.Rows("ContainmentAction");
        Assert.Contains(rows, r => (string)r.Action == "RevokeSessions" && (string)r.UserId == member.Id && (string)r.Status == "Succeeded");
        Assert.Contains(rows, r => (string)r.Action == "DisableDevice" && (string)r.Target == rogue.Id && (string)r.Status == "Succeeded");
        Assert.False(Sandbox.Tenant.FindDevice(rogue.Id)!.AccountEnabled);
    }
}
