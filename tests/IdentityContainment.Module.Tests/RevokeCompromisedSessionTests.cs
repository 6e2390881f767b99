using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

public sealed class RevokeCompromisedSessionTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public RevokeCompromisedSessionTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    private string Victim => Sandbox.Tenant.FindUser(Sandbox.Tenant.Footholds[0].UserId)!.UserPrincipalName;

    [Fact]
    public void Revoking_closes_the_stolen_session_and_reports_the_read_back_time_as_evidence()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);

        ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession -UserId $U", Parameters.Of(("U", Victim)));

        Assert.Empty(result.AllErrors);
        dynamic action = result.Output.Single().BaseObject;
        Assert.Equal("IdentityContainment.ContainmentAction", ((object)action).GetType().FullName);
        Assert.Equal("RevokeSessions", (string)action.Action);
        Assert.Equal("Succeeded", (string)action.Status);
        Assert.Equal(Victim, (string)action.UserPrincipalName);
        DateTimeOffset validFrom = (DateTimeOffset)action.SignInSessionsValidFromDateTime;
        Assert.True(validFrom >= before, $"Sessions valid from {validFrom:o} should be after the revocation started ({before:o}).");
        Assert.Equal(Sandbox.Tenant.FindUser(Victim)!.SignInSessionsValidFromDateTime, validFrom);
        Assert.Matches("^[0-9a-f-]{36}$", (string)action.RequestId);

        IReadOnlyList<FootholdStatus> footholds = Sandbox.EvaluateFootholds();
        Assert.False(footholds.Single(f => f.Kind == FootholdKind.Session).IsOpen);
        Assert.True(footholds.Single(f => f.Kind == FootholdKind.Password).IsOpen, "Revoking alone must not pretend the known password is dealt with.");
    }

    [Fact]
    public void What_if_sends_nothing_to_graph()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession -UserId $U -DisableAccount -WhatIf", Parameters.Of(("U", Victim)));

        Assert.Empty(result.AllErrors);
        Assert.Empty(result.Output);
        Assert.DoesNotContain(Sandbox.Requests.Snapshot(), e => e.Kind is RequestKind.Graph or RequestKind.Batch);
        Assert.True(Sandbox.Tenant.FindUser(Victim)!.AccountEnabled);
    }

    [Fact]
    public void Unknown_and_malformed_users_are_reported_and_the_rest_are_revoked()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U) 'ghost@contoso.com', 'not a user', $U | Revoke-CompromisedSession",
            Parameters.Of(("U", Victim)));

        Assert.Equal("Succeeded", (string)((dynamic)result.Output.Single().BaseObject).Status);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("UserNotFound,", StringComparison.Ordinal) && (string)e.TargetObject == "ghost@contoso.com");
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("UserIdMalformed,", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_permission_names_user_revoke_sessions_all()
    {
        using HostedPowerShell shell = _fixture.ShellWithOnly("User.Read.All");

        ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession $U", Parameters.Of(("U", Victim)));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("User.RevokeSessions.All", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("Failed", (string)((dynamic)result.Output.Single().BaseObject).Status);
    }

    [Theory]
    [InlineData("-DisableAccount -Confirm:$false", "DisableAccount", "User.EnableDisableAccount.All")]
    [InlineData("-ConfirmCompromised", "ConfirmCompromised", "IdentityRiskyUser.ReadWrite.All")]
    [InlineData("-DisableDevice -Since ([datetime]::UtcNow.AddYears(-5))", "DisableDevice", "Device.ReadWrite.All")]
    public void Each_step_graph_refuses_names_the_permission_it_needs_and_the_revocation_still_happens(string step, string action, string permission)
    {
        using HostedPowerShell shell = _fixture.ShellWithOnly("User.Read.All", "User.RevokeSessions.All", "Device.Read.All");

        ScriptResult result = shell.Run($"param($U) Revoke-CompromisedSession $U {step}", Parameters.Of(("U", Victim)));

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e =>
        {
            Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category);
            Assert.Contains(permission, e.Exception.Message, StringComparison.Ordinal);
        });
        var actions = result.Output.Select(o => (dynamic)o.BaseObject).ToList();
        Assert.Contains(actions, a => (string)a.Action == action && (string)a.Status == "Failed");
        Assert.Contains(actions, a => (string)a.Action == "RevokeSessions" && (string)a.Status == "Succeeded");
    }

    [Fact]
    public void Every_device_registered_since_the_compromise_is_disabled_when_the_list_spans_pages()
    {
        // Seven new devices and one old, listed two to a page by the fixture: the last pages hold devices too.
        UserRecord user = Sandbox.Tenant.FindUser("pradeepg@contoso.com")!;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DeviceRecord Device(int i, DateTimeOffset registered) => new()
        {
            Id = $"7d000000-0000-4000-8000-{i:D12}",
            DeviceId = $"7e000000-0000-4000-8000-{i:D12}",
            DisplayName = $"ATTACKER-PC-{i}",
            OperatingSystem = "Windows",
            RegistrationDateTime = registered,
            RegisteredOwners = [user.Id],
            RegisteredUsers = [user.Id],
        };
        DeviceRecord[] recent = Enumerable.Range(1, 7).Select(i => Device(i, now.AddHours(-i))).ToArray();
        DeviceRecord old = Device(0, now.AddYears(-1));
        foreach (DeviceRecord device in recent.Append(old))
        {
            Sandbox.Tenant.AddDevice(device);
        }

        using HostedPowerShell shell = _fixture.ConnectedShell();
        ScriptResult result = shell.Run(
            "param($U, $Since) Revoke-CompromisedSession $U -DisableDevice -Since $Since",
            Parameters.Of(("U", user.UserPrincipalName), ("Since", now.AddDays(-1).UtcDateTime)));

        Assert.Empty(result.AllErrors);
        var disabled = result.Output.Select(o => (dynamic)o.BaseObject).Where(a => (string)a.Action == "DisableDevice").ToList();
        Assert.Equal(recent.Select(d => d.Id).Order(), disabled.Select(a => (string)a.Target).Order());
        Assert.All(disabled, a => Assert.Equal("Succeeded", (string)a.Status));
        Assert.All(recent, d => Assert.False(Sandbox.Tenant.FindDevice(d.Id)!.AccountEnabled));
        Assert.True(Sandbox.Tenant.FindDevice(old.Id)!.AccountEnabled, "A device from before the compromise is the user's own.");
    }

    [Fact]
    public void A_device_list_whose_later_page_fails_disables_none_of_it_and_says_so()
    {
        // Five new devices, listed two to a page: the first page answers, the later ones fail.
        UserRecord user = Sandbox.Tenant.FindUser("lynner@contoso.com")!;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DeviceRecord[] recent = Enumerable.Range(1, 5).Select(i => new DeviceRecord
        {
            Id = $"7f000000-0000-4000-8000-{i:D12}",
            DeviceId = $"7a000000-0000-4000-8000-{i:D12}",
            DisplayName = $"ROGUE-PC-{i}",
            OperatingSystem = "Windows",
            RegistrationDateTime = now.AddHours(-i),
            RegisteredOwners = [user.Id],
            RegisteredUsers = [user.Id],
        }).ToArray();
        foreach (DeviceRecord device in recent)
        {
            Sandbox.Tenant.AddDevice(device);
        }

        FaultRule laterPages = Sandbox.Faults.Add(FaultRule.InternalServerError($"^/users/{user.Id}/registeredDevices", times: null, queryPattern: @"\$skiptoken="));
        ScriptResult result;
        try
        {
            using HostedPowerShell shell = _fixture.ConnectedShell();
            result = shell.Run(
                "param($U, $Since) Revoke-CompromisedSession $U -DisableDevice -Since $Since",
                Parameters.Of(("U", user.Id), ("Since", now.AddDays(-1).UtcDateTime)));
        }
        finally
        {
            Sandbox.Faults.Remove(laterPages);
        }

        Assert.True(laterPages.Hits >= 1, "The fault should have hit a later page.");
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Contains("list the devices registered to", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Output.Select(o => (dynamic)o.BaseObject), a => (string)a.Action == "DisableDevice" && (string)a.Status == "Succeeded");
        // Half a list must not pass for the whole one: not even the first page's devices are disabled.
        Assert.All(recent, d => Assert.True(Sandbox.Tenant.FindDevice(d.Id)!.AccountEnabled));
    }

    [Fact]
    public void In_the_china_cloud_confirm_compromised_is_skipped_with_the_reason_and_graph_is_not_called()
    {
        // A token Graph in any cloud accepts (its audience is Graph's application id), used with -Environment China.
        string token = Sandbox.IssueAccessToken(new AccessTokenRequest { AppId = _fixture.AutomationApp.AppId, Permissions = _fixture.AutomationApp.Roles, Audience = "00000003-0000-0000-c000-000000000000" });
        using var shell = new HostedPowerShell();
        shell.ImportModule();
        shell.Run("param($T, $E) Connect-IdentityContainment -Environment China -AccessToken $T -GraphEndpoint $E -ErrorAction Stop", Parameters.Of(("T", token), ("E", Sandbox.GraphEndpoint.AbsoluteUri))).ThrowIfFailed();
        UserRecord[] users = { Sandbox.Tenant.FindUser("isaiahl@contoso.com")!, Sandbox.Tenant.FindUser("lynner@contoso.com")! };
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run("param($U) $U | Revoke-CompromisedSession -ConfirmCompromised", Parameters.Of(("U", users.Select(u => u.UserPrincipalName).ToArray())));

        var actions = result.Output.Select(o => (dynamic)o.BaseObject).ToList();
        Assert.Equal(2, actions.Count(a => (string)a.Action == "RevokeSessions" && (string)a.Status == "Succeeded"));
        var skipped = actions.Where(a => (string)a.Action == "ConfirmCompromised").ToList();
        Assert.Equal(users.Select(u => u.Id).Order(), skipped.Select(a => (string)a.UserId).Order());
        Assert.All(skipped, a =>
        {
            Assert.Equal("Skipped", (string)a.Status);
            Assert.Contains("21Vianet", (string)a.Message, StringComparison.Ordinal);
        });
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("RiskyUsersNotInChinaCloud,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("confirm the compromise another way", e.Exception.Message, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain(Sandbox.Requests.Snapshot(), e => e.Path.Contains("identityProtection", StringComparison.OrdinalIgnoreCase));
        Assert.All(users, u => Assert.Null(Sandbox.Tenant.FindRiskyUser(u.Id)));
    }

    [Fact]
    public void The_operators_own_account_is_refused_without_force()
    {
        using HostedPowerShell shell = _fixture.DelegatedShell();
        string self = (string)((dynamic)shell.Run("Get-IdentityContainmentContext").Output.Single().BaseObject).Account;
        DateTimeOffset? before = Sandbox.Tenant.FindUser(self)!.SignInSessionsValidFromDateTime;

        ScriptResult refused = shell.Run("param($U) Revoke-CompromisedSession $U", Parameters.Of(("U", self)));

        Assert.StartsWith("OwnAccountRefused,", Assert.Single(refused.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("Skipped", (string)((dynamic)refused.Output.Single().BaseObject).Status);
        Assert.Equal(before, Sandbox.Tenant.FindUser(self)!.SignInSessionsValidFromDateTime);

        ScriptResult forced = shell.Run("param($U) Revoke-CompromisedSession $U -Force", Parameters.Of(("U", self)));

        Assert.Empty(forced.AllErrors);
        Assert.Equal("Succeeded", (string)((dynamic)forced.Output.Single().BaseObject).Status);
    }

    [Fact]
    public void The_default_delegated_scopes_let_a_device_administrator_disable_an_attacker_device()
    {
        // What interactive sign-in asks for when -Scopes is not given, read from the module itself.
        using HostedPowerShell probe = _fixture.ConnectedShell();
        string[] defaults = probe.Run("[IdentityContainment.Connection.DelegatedScopes]::Default").Output.Select(o => (string)o.BaseObject).ToArray();
        Assert.Contains("Directory.AccessAsUser.All", defaults);
        UserRecord globalAdmin = Sandbox.Tenant.Users.First(u => u.DirectoryRoles.Contains(DirectoryRoles.GlobalAdministrator));
        string token = Sandbox.IssueAccessToken(new AccessTokenRequest { AppId = "14d82eec-204b-4c2f-b7e8-296a70dab67e", UserPrincipalName = globalAdmin.UserPrincipalName, Permissions = defaults });
        using HostedPowerShell shell = SandboxFixture.ShellWithToken(token, Sandbox);

        ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession $U -DisableDevice -Since ([datetime]::UtcNow.AddYears(-5))", Parameters.Of(("U", Victim)));

        Assert.Empty(result.Errors);
        var devices = result.Output.Select(o => (dynamic)o.BaseObject).Where(a => (string)a.Action == "DisableDevice").ToList();
        Assert.NotEmpty(devices);
        Assert.All(devices, d => Assert.Equal("Succeeded", (string)d.Status));
    }
}

public sealed class RevokeSpecialAccountTests
{
    [Fact]
    public async Task A_synced_account_is_disabled_with_a_warning_that_the_next_sync_enables_it_again()
    {
        var fixture = new SyncedUserFixture();
        await fixture.InitializeAsync();
        try
        {
            string user = fixture.Sandbox.Tenant.Footholds[0].UserId;
            using HostedPowerShell shell = fixture.ConnectedShell();

            ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession $U -DisableAccount -Confirm:$false", Parameters.Of(("U", user)));

            Assert.Empty(result.Errors);
            var actions = result.Output.Select(o => (dynamic)o.BaseObject).ToList();
            Assert.Equal(new[] { "DisableAccount:Succeeded", "RevokeSessions:Succeeded" }, actions.Select(a => $"{a.Action}:{a.Status}"));
            Assert.Contains("on-premises AD", (string)actions[0].Message, StringComparison.Ordinal);
            Assert.Contains(result.Warnings, w => w.Contains("next sync cycle enables it again", StringComparison.Ordinal));
            Assert.False(fixture.Sandbox.EvaluateFootholds().Single(f => f.Kind == FootholdKind.Session).IsOpen);

            // The warning is the truth: a sync cycle puts the on-premises value back.
            fixture.Sandbox.Tenant.RunDirectorySyncCycle();
            Assert.True(fixture.Sandbox.Tenant.FindUser(user)!.AccountEnabled);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_guest_gets_a_warning_that_home_sessions_survive_and_disabling_closes_it()
    {
        var fixture = new GuestUserFixture();
        await fixture.InitializeAsync();
        try
        {
            string guest = fixture.Sandbox.Tenant.Footholds[0].UserId;
            using HostedPowerShell shell = fixture.ConnectedShell();

            ScriptResult revoked = shell.Run("param($U) Revoke-CompromisedSession $U", Parameters.Of(("U", guest)));

            Assert.Empty(revoked.AllErrors);
            Assert.Contains("home tenant", Assert.Single(revoked.Warnings), StringComparison.Ordinal);
            Assert.True(fixture.Sandbox.EvaluateFootholds().Single().IsOpen, "Revocation does not reach a guest's home tenant.");

            ScriptResult disabled = shell.Run("param($U) Revoke-CompromisedSession $U -DisableAccount -Confirm:$false", Parameters.Of(("U", guest)));

            Assert.Empty(disabled.AllErrors);
            Assert.False((bool)((dynamic)disabled.Output.First().BaseObject).AccountEnabled);
            Assert.False(fixture.Sandbox.EvaluateFootholds().Single().IsOpen);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}

public sealed class RevokeAtScaleTests : IClassFixture<GeneratedTenantFixture>
{
    private readonly GeneratedTenantFixture _fixture;

    public RevokeAtScaleTests(GeneratedTenantFixture fixture) => _fixture = fixture;

    [Fact]
    public void Forty_five_users_are_revoked_once_each_in_three_write_batches_even_when_graph_throttles()
    {
        SandboxServer sandbox = _fixture.Sandbox;
        string[] users = sandbox.Tenant.Users.Take(45).Select(u => u.UserPrincipalName).ToArray();
        using HostedPowerShell shell = _fixture.ConnectedShell();
        FaultRule throttle = sandbox.Faults.Add(FaultRule.TooManyRequests("/revokeSignInSessions$", retryAfter: TimeSpan.FromMilliseconds(200), times: 9, method: "POST"));
        sandbox.Requests.Clear();

        ScriptResult result = shell.Run("param($Users) $Users + $Users[0..4] | Revoke-CompromisedSession", Parameters.Of(("Users", users)));
        sandbox.Faults.Remove(throttle);

        Assert.Empty(result.AllErrors);
        var actions = result.Output.Select(o => (dynamic)o.BaseObject).ToList();
        Assert.Equal(45, actions.Count);
        Assert.Equal(45, actions.Select(a => (string)a.UserPrincipalName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(actions, a => Assert.Equal("Succeeded", (string)a.Status));
        Assert.Equal(9, throttle.Hits);
        IReadOnlyList<RequestLogEntry> log = sandbox.Requests.Snapshot();
        Assert.Equal(45, log.Count(e => e.Kind == RequestKind.Graph && e.Method == "POST" && e.Status == 200));
        Assert.DoesNotContain(log, e => e.Kind == RequestKind.Graph && e.BatchId is null);
    }
}
