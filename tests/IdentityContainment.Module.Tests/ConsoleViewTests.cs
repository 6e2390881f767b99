using System.Management.Automation;
using System.Security;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>What a person at the console sees: the confirmations asked and the tables shown.</summary>
public sealed class ConsoleViewTests : IClassFixture<GeneratedTenantFixture>
{
    private readonly GeneratedTenantFixture _fixture;

    public ConsoleViewTests(GeneratedTenantFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    /// <summary>A member no other test of this class touches, picked by position.</summary>
    private UserRecord Member(int index) =>
        _fixture.PlainMembers.ElementAt(index);

    [Fact]
    public void Confirming_a_reset_of_a_user_given_by_id_names_the_user_principal_name()
    {
        UserRecord user = Member(0);
        var host = new RecordingHost(answer: "No");
        using HostedPowerShell shell = ConnectedShell(host);

        ScriptResult result = shell.Run("param($Id) Reset-CompromisedPassword -UserId $Id", Parameters.Of(("Id", user.Id)));

        Assert.Empty(result.AllErrors);
        Assert.Empty(result.Output);
        string prompt = Assert.Single(host.Prompts);
        Assert.Contains($"{user.UserPrincipalName} ({user.Id})", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(Sandbox.Requests.Snapshot(), e => e.Method == "PATCH" && e.Path.Contains(user.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Confirming_a_disable_of_a_piped_graph_user_names_its_user_principal_name_without_asking_graph()
    {
        UserRecord user = Member(1);
        var host = new RecordingHost(answer: "No");
        using HostedPowerShell shell = ConnectedShell(host);
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run(
            "param($Id, $Upn) [pscustomobject]@{ Id = $Id; UserPrincipalName = $Upn; DisplayName = 'x' } | Revoke-CompromisedSession -DisableAccount",
            Parameters.Of(("Id", user.Id), ("Upn", user.UserPrincipalName)));

        Assert.Empty(result.AllErrors);
        Assert.Empty(result.Output);
        Assert.Contains($"{user.UserPrincipalName} ({user.Id})", Assert.Single(host.Prompts), StringComparison.Ordinal);
        Assert.DoesNotContain(Sandbox.Requests.Snapshot(), e => e.Kind is RequestKind.Graph or RequestKind.Batch);
    }

    [Fact]
    public void With_AsPlainText_the_default_view_shows_the_whole_password_that_was_asked_for()
    {
        UserRecord user = Member(2);
        var host = new RecordingHost();
        using HostedPowerShell shell = ConnectedShell(host);

        ScriptResult result = shell.Run(
            "param($U) $reset = Reset-CompromisedPassword $U -SkipRevocation -AsPlainText -Confirm:$false; $reset | Out-Default; $reset",
            Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Empty(result.AllErrors);
        string password = (string)Assert.Single(result.Output).Properties["TemporaryPasswordPlainText"].Value;
        Assert.True(Sandbox.Tenant.FindUser(user.Id)!.Password!.Matches(password));
        Assert.Matches(@"Status\s+: Succeeded\r?\n", host.Screen);
        Assert.Matches($@"TemporaryPassword\s+: {System.Text.RegularExpressions.Regex.Escape(password)}\r?\n", host.Screen);
    }

    [Fact]
    public void Without_AsPlainText_no_view_shows_the_password()
    {
        UserRecord user = Member(3);
        var host = new RecordingHost();
        using HostedPowerShell shell = ConnectedShell(host);

        ScriptResult result = shell.Run(
            "param($U) $reset = Reset-CompromisedPassword $U -SkipRevocation -Confirm:$false; $reset | Out-Default; $reset",
            Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Empty(result.AllErrors);
        string password = ResetCompromisedPasswordTests.Reveal((SecureString)((dynamic)Assert.Single(result.Output).BaseObject).TemporaryPassword);
        Assert.Matches(@"Status\s+UserPrincipalName\s+MustChange\s+SessionsRevokedAt", host.Screen);
        Assert.DoesNotContain("TemporaryPassword", host.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain(password, host.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_lists_each_action_and_status_with_its_count()
    {
        UserRecord[] users = { Member(4), Member(5) };
        var host = new RecordingHost();
        using HostedPowerShell shell = ConnectedShell(host);

        // Shown on its own, as a runbook's last object or $results[-1] is: after a table of actions, PowerShell lists
        // an object of another type with all its properties instead.
        ScriptResult result = shell.Run(
            "param($Users) $results = $Users | Revoke-CompromisedSession -DisableAccount -Confirm:$false -Summary; $results[-1] | Out-Default",
            Parameters.Of(("Users", users.Select(u => u.UserPrincipalName).ToArray())));

        Assert.Empty(result.AllErrors);
        Assert.Matches(@"Command\s+: Revoke-CompromisedSession\r?\n", host.Screen);
        Assert.Matches(@"Users\s+: 2\r?\n", host.Screen);
        Assert.Matches(@"Succeeded\s+: 4\r?\n", host.Screen);
        Assert.Matches(@"Actions\s+: DisableAccount Succeeded: 2\r?\n\s+RevokeSessions Succeeded: 2\r?\n", host.Screen);
        Assert.Matches(@"Duration\s+: \d\d:\d\d:\d\d", host.Screen);
    }

    private HostedPowerShell ConnectedShell(RecordingHost host)
    {
        var shell = new HostedPowerShell(host);
        shell.ImportModule();
        shell.Run(
            "param($Token, $Endpoint) Connect-IdentityContainment -AccessToken $Token -GraphEndpoint $Endpoint -ErrorAction Stop | Out-Null",
            Parameters.Of(("Token", _fixture.TokenFor(_fixture.AutomationApp)), ("Endpoint", Sandbox.GraphEndpoint.AbsoluteUri)))
            .ThrowIfFailed();
        return shell;
    }
}
