using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>How a user may be named to the cmdlets, and what each result and error then says about that user.</summary>
public sealed class UserNamingTests : IClassFixture<GeneratedTenantFixture>
{
    private readonly GeneratedTenantFixture _fixture;

    public UserNamingTests(GeneratedTenantFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    /// <summary>A member no other test of this class touches, picked by position.</summary>
    private UserRecord Member(int index) =>
        _fixture.PlainMembers.ElementAt(index);

    [Theory]
    [InlineData("Get-ContainmentUser -UserId ([guid]$Id)")]
    [InlineData("[guid]$Id | Get-ContainmentUser")]
    public void A_bare_guid_names_the_user_by_object_id(string call)
    {
        UserRecord user = Member(0);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("param($Id) " + call, Parameters.Of(("Id", user.Id)));

        Assert.Empty(result.AllErrors);
        Assert.Equal(user.UserPrincipalName, (string)((dynamic)Assert.Single(result.Output).BaseObject).UserPrincipalName);
    }

    [Fact]
    public void A_bare_guid_names_the_user_to_revoke_and_to_reset()
    {
        UserRecord revoked = Member(1);
        UserRecord reset = Member(2);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($R, $P) Revoke-CompromisedSession -UserId ([guid]$R); [guid]$P | Reset-CompromisedPassword -SkipRevocation -Confirm:$false",
            Parameters.Of(("R", revoked.Id), ("P", reset.Id)));

        Assert.Empty(result.AllErrors);
        Assert.Equal(
            new[] { $"RevokeSessions {revoked.UserPrincipalName}: Succeeded", $"ResetPassword {reset.UserPrincipalName}: Succeeded" },
            result.Output.Select(o => o.BaseObject.ToString()));
    }

    [Fact]
    public void A_user_named_by_name_and_by_id_gets_one_revocation_row()
    {
        UserRecord user = Member(3);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($Upn, $Id) $Upn, $Id | Revoke-CompromisedSession -DisableAccount -Confirm:$false",
            Parameters.Of(("Upn", user.UserPrincipalName), ("Id", user.Id)));

        Assert.Empty(result.AllErrors);
        Assert.Equal(
            new[] { "DisableAccount:Succeeded", "RevokeSessions:Succeeded" },
            result.Output.Select(o => (dynamic)o.BaseObject).Select(a => $"{a.Action}:{a.Status}"));
        Assert.All(result.Output, o => Assert.Equal(user.Id, (string)((dynamic)o.BaseObject).UserId));
    }

    [Fact]
    public void Each_action_carries_the_request_id_of_its_own_batch_item()
    {
        UserRecord[] users = { Member(4), Member(5) };
        using HostedPowerShell shell = _fixture.ShellWithOnly("User.Read.All", "User.RevokeSessions.All");
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run(
            "param($Users) $Users | Revoke-CompromisedSession -DisableAccount -Confirm:$false -ErrorAction SilentlyContinue",
            Parameters.Of(("Users", users.Select(u => u.Id).ToArray())));

        IReadOnlyList<RequestLogEntry> log = Sandbox.Requests.Snapshot();
        List<dynamic> refused = result.Output.Select(o => (dynamic)o.BaseObject).Where(a => (string)a.Action == "DisableAccount").ToList();
        Assert.Equal(2, refused.Count);
        foreach (dynamic action in refused)
        {
            // The item Graph refused, as the tenant logged it: its request-id, not the batch's, is the one to trace.
            RequestLogEntry item = log.Single(e => e.Method == "PATCH" && e.BatchId is not null && e.Path.Contains((string)action.UserId, StringComparison.Ordinal));
            Assert.Equal("Failed", (string)action.Status);
            Assert.Equal(item.RequestId, (string)action.RequestId);
            Assert.NotEqual(item.BatchId, (string)action.RequestId);
        }

        Assert.All(result.Errors, e => Assert.Contains(refused, a => e.ErrorDetails.RecommendedAction.Contains((string)a.RequestId, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Revoke-CompromisedSession", "revoke the sign-in sessions of")]
    [InlineData("Reset-CompromisedPassword -Confirm:$false", "reset the password of")]
    [InlineData("Get-ContainmentUser", "read the user")]
    public void An_unknown_user_is_explained_in_terms_of_the_command_that_failed(string command, string whatFailed)
    {
        string ghost = "ghost@" + Sandbox.Tenant.Info.DefaultDomain;
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run($"param($U) {command} -UserId $U", Parameters.Of(("U", ghost)));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("UserNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains($"Could not {whatFailed} '{ghost}'", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was done to it", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b[A-Z][a-z]+-[A-Z]\w+", error.Exception.Message);
    }
}
