using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>One pipeline, the whole evidence: Reset -PassThru keeps Revoke's actions, -Summary counts them, progress shows the way.</summary>
public sealed class ContainmentEvidenceTests : IClassFixture<GeneratedTenantFixture>
{
    private readonly GeneratedTenantFixture _fixture;

    public ContainmentEvidenceTests(GeneratedTenantFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    /// <summary>Members no other test of this class touches, picked by position.</summary>
    private UserRecord[] Members(int from, int count) =>
        _fixture.PlainMembers.Skip(from).Take(count).ToArray();

    [Fact]
    public void Reset_with_PassThru_writes_each_users_revocation_evidence_before_its_reset()
    {
        UserRecord[] users = Members(0, 2);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($Users) $Users | Revoke-CompromisedSession -DisableAccount -Confirm:$false | Reset-CompromisedPassword -PassThru -Confirm:$false",
            Parameters.Of(("Users", users.Select(u => u.UserPrincipalName).ToArray())));

        Assert.Empty(result.AllErrors);
        foreach (UserRecord user in users)
        {
            List<string> rows = result.Output.Select(o => o.BaseObject).Where(o => (string)((dynamic)o).UserId == user.Id).Select(o => o.ToString()!).ToList();
            Assert.Equal(
                new[] { $"DisableAccount {user.UserPrincipalName}: Succeeded", $"RevokeSessions {user.UserPrincipalName}: Succeeded", $"ResetPassword {user.UserPrincipalName}: Succeeded" },
                rows);
        }

        Assert.Equal(6, result.Output.Count);
    }

    [Fact]
    public void Summary_counts_every_result_per_action_and_status_and_comes_last()
    {
        UserRecord[] users = Members(2, 2);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($Users) $Users | Revoke-CompromisedSession -DisableAccount -Confirm:$false | Reset-CompromisedPassword -PassThru -Summary -Confirm:$false",
            Parameters.Of(("Users", users.Select(u => u.Id).ToArray())));

        Assert.Empty(result.AllErrors);
        dynamic summary = result.Output[^1].BaseObject;
        Assert.Equal("IdentityContainment.ContainmentSummary", ((object)summary).GetType().FullName);
        Assert.Equal("Reset-CompromisedPassword", (string)summary.Command);
        Assert.Equal(2, (int)summary.Users);
        Assert.Equal(6, (int)summary.Succeeded);
        Assert.Equal(0, (int)summary.Failed);
        Assert.Equal(0, (int)summary.Errors);
        Assert.Equal(
            new[] { "DisableAccount Succeeded: 2", "RevokeSessions Succeeded: 2", "ResetPassword Succeeded: 2" },
            ((IEnumerable<object>)summary.Actions).Select(a => a.ToString()));
    }

    [Fact]
    public void Summary_counts_the_errors_of_users_that_never_became_a_result()
    {
        UserRecord user = Members(4, 1)[0];
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U, $Ghost) $Ghost, 'not a user', $U | Revoke-CompromisedSession -Summary",
            Parameters.Of(("U", user.UserPrincipalName), ("Ghost", "ghost@" + Sandbox.Tenant.Info.DefaultDomain)));

        Assert.Equal(2, result.Errors.Count);
        dynamic summary = result.Output[^1].BaseObject;
        Assert.Equal("Revoke-CompromisedSession", (string)summary.Command);
        Assert.Equal(1, (int)summary.Users);
        Assert.Equal(1, (int)summary.Succeeded);
        Assert.Equal(0, (int)summary.Failed);
        Assert.Equal(2, (int)summary.Errors);
        Assert.Equal(new[] { "RevokeSessions Succeeded: 1" }, ((IEnumerable<object>)summary.Actions).Select(a => a.ToString()));
    }

    [Fact]
    public void Progress_counts_users_done_of_users_known_for_each_command_and_completes()
    {
        UserRecord[] users = Members(5, 25);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($Users) $Users | Revoke-CompromisedSession | Reset-CompromisedPassword -Confirm:$false",
            Parameters.Of(("Users", users.Select(u => u.UserPrincipalName).ToArray())));

        Assert.Empty(result.AllErrors);
        Assert.Equal(2, result.Progress.Select(p => p.ActivityId).Distinct().Count());
        foreach (IGrouping<int, ProgressRecord> command in result.Progress.GroupBy(p => p.ActivityId))
        {
            List<ProgressRecord> records = command.ToList();
            Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
            ProgressRecord last = records[^2];
            Assert.Equal("25 of 25 user(s) done", last.StatusDescription);
            Assert.Equal(100, last.PercentComplete);
            Assert.All(records.SkipLast(1), p => Assert.Matches(@"^\d+ of \d+ user\(s\) done$", p.StatusDescription));
        }

        Assert.Contains(result.Progress, p => p.Activity == "Revoking sessions");
        Assert.Contains(result.Progress, p => p.Activity == "Resetting passwords");
    }

    [Fact]
    public void A_runbook_that_silences_progress_gets_none()
    {
        UserRecord user = Members(30, 1)[0];
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U) $ProgressPreference = 'SilentlyContinue'; Revoke-CompromisedSession $U",
            Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Empty(result.AllErrors);
        Assert.Single(result.Output);
        Assert.Empty(result.Progress);
    }
}
