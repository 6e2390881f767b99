using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>The full emergency revocation of the aitm-bec victim: disable, revoke, confirm compromised, attacker's device.</summary>
public sealed class RevokeEmergencyOrderTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public RevokeEmergencyOrderTests(SandboxFixture fixture) => _fixture = fixture;

    [Fact]
    public void Full_revocation_confirms_the_compromise_and_disables_only_the_device_registered_after_the_phish()
    {
        SandboxServer sandbox = _fixture.Sandbox;
        FootholdDefinition session = sandbox.Tenant.Footholds.Single(f => f.Kind == FootholdKind.Session);
        FootholdDefinition attackerDevice = sandbox.Tenant.Footholds.Single(f => f.Kind == FootholdKind.Device);
        // Just before the attacker registered their device: the session foothold is the attacker's latest session, later.
        DateTime phishedAt = sandbox.Tenant.FindDevice(attackerDevice.Target!)!.RegistrationDateTime!.Value.UtcDateTime.AddMinutes(-30);
        string[] othersEnabled = sandbox.Tenant.Devices.Where(d => d.Id != attackerDevice.Target && d.AccountEnabled).Select(d => d.Id).ToArray();
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U, $Since) Revoke-CompromisedSession $U -DisableAccount -ConfirmCompromised -DisableDevice -Since $Since -Confirm:$false",
            Parameters.Of(("U", session.UserId), ("Since", phishedAt)));

        Assert.Empty(result.AllErrors);
        var actions = result.Output.Select(o => (dynamic)o.BaseObject).ToList();
        // Disable, then revoke; Identity Protection calls are gathered across batches and come last.
        Assert.Equal(
            new[] { "DisableAccount", "RevokeSessions", "DisableDevice", "ConfirmCompromised" },
            actions.Select(a => (string)a.Action));
        Assert.All(actions, a => Assert.Equal("Succeeded", (string)a.Status));
        Assert.Equal(attackerDevice.Target, (string)actions[2].Target);

        Assert.Equal("confirmedCompromised", sandbox.Tenant.FindRiskyUser(sandbox.Tenant.FindUser(session.UserId)!.Id)!.RiskState);
        Assert.False(sandbox.Tenant.FindDevice(attackerDevice.Target!)!.AccountEnabled);
        Assert.All(othersEnabled, id => Assert.True(sandbox.Tenant.FindDevice(id)!.AccountEnabled, $"Device {id} predates the compromise and must stay enabled."));
        IReadOnlyList<FootholdStatus> footholds = sandbox.EvaluateFootholds();
        Assert.All(footholds.Where(f => f.Kind is FootholdKind.Session or FootholdKind.Device), f => Assert.False(f.IsOpen, f.Reason));
    }

    [Fact]
    public void Devices_graph_shows_without_dates_are_reported_and_never_disabled_blind()
    {
        SandboxServer sandbox = _fixture.Sandbox;
        FootholdDefinition session = sandbox.Tenant.Footholds.Single(f => f.Kind == FootholdKind.Session);
        using HostedPowerShell shell = _fixture.ShellWithOnly("User.Read.All", "User.RevokeSessions.All");
        sandbox.Requests.Clear();

        ScriptResult result = shell.Run(
            "param($U, $Since) Revoke-CompromisedSession $U -DisableDevice -Since $Since",
            Parameters.Of(("U", session.UserId), ("Since", DateTime.UtcNow.AddDays(-365))));

        Assert.Empty(result.Errors);
        Assert.DoesNotContain(result.Output, o => (string)((dynamic)o.BaseObject).Action == "DisableDevice");
        string victim = sandbox.Tenant.FindUser(session.UserId)!.Id;
        int registered = sandbox.Tenant.Devices.Count(d => d.RegisteredUsers.Contains(victim, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(3, registered);
        Assert.Equal(registered, result.Warnings.Count(w => w.Contains("without its registration date", StringComparison.Ordinal) && w.Contains("Device.Read.All", StringComparison.Ordinal)));
        Assert.DoesNotContain(sandbox.Requests.Snapshot(), e => e.Method == "PATCH" && e.Path.StartsWith("/devices/", StringComparison.Ordinal));
    }

    [Fact]
    public void Disabling_devices_without_a_start_time_is_refused_before_anything_happens()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();
        _fixture.Sandbox.Requests.Clear();

        ScriptResult result = shell.Run("Revoke-CompromisedSession adelev@contoso.com -DisableDevice");

        Assert.StartsWith("SinceRequired,", Assert.Single(result.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Sandbox.Requests.Snapshot(), e => e.Kind is RequestKind.Graph or RequestKind.Batch);
    }
}
