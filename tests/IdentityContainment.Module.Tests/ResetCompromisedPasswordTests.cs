using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

public sealed class ResetCompromisedPasswordTests : IClassFixture<GeneratedTenantFixture>
{
    private readonly GeneratedTenantFixture _fixture;

    public ResetCompromisedPasswordTests(GeneratedTenantFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    /// <summary>A member of the tenant no other test of this class touches, picked by position.</summary>
    private UserRecord Member(int index) =>
        _fixture.PlainMembers.ElementAt(index);

    [Fact]
    public void Revoke_piped_into_reset_resets_each_user_once_with_the_password_graph_holds()
    {
        UserRecord[] users = { Member(0), Member(1) };
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($Users) $Users | Revoke-CompromisedSession -DisableAccount -Confirm:$false | Reset-CompromisedPassword -Confirm:$false",
            Parameters.Of(("Users", users.Select(u => u.UserPrincipalName).ToArray())));

        Assert.Empty(result.AllErrors);
        List<dynamic> resets = result.Output.Select(o => o.BaseObject).Where(o => o.GetType().Name == "PasswordReset").Cast<dynamic>().ToList();
        Assert.Equal(2, resets.Count);
        // Revoke's actions feed the reset; the reset revoked nothing itself, and carries the revocation time as evidence.
        Assert.DoesNotContain(result.Output, o => o.BaseObject.GetType().Name == "ContainmentAction");
        foreach (dynamic reset in resets)
        {
            Assert.Equal("Succeeded", (string)reset.Status);
            Assert.True((bool)reset.ForceChangePasswordNextSignIn);
            UserRecord stored = Sandbox.Tenant.FindUser((string)reset.UserId)!;
            Assert.True(stored.Password!.Matches(Reveal((SecureString)reset.TemporaryPassword)), "The password handed back must be the one Graph holds.");
            Assert.Equal(stored.SignInSessionsValidFromDateTime, (DateTimeOffset?)reset.SessionsRevokedAt);
        }

        // Revoked in the same pipeline, so the reset did not revoke again: one revocation per user in all.
        Assert.Equal(2, Sandbox.Requests.Snapshot().Count(e => e.Method == "POST" && e.Path.EndsWith("/revokeSignInSessions", StringComparison.Ordinal) && users.Any(u => e.Path.Contains(u.Id, StringComparison.Ordinal) || e.Path.Contains(u.UserPrincipalName, StringComparison.OrdinalIgnoreCase))));
    }

    [Fact]
    public void An_app_without_the_password_permission_is_told_which_to_grant()
    {
        UserRecord user = Member(9);
        using HostedPowerShell shell = _fixture.ShellWithOnly("User.Read.All", "User.RevokeSessions.All");

        ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -Confirm:$false", Parameters.Of(("U", user.UserPrincipalName)));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("User-PasswordProfile.ReadWrite.All", error.Exception.Message, StringComparison.Ordinal);
        Assert.Null(((dynamic)result.Output.Select(o => o.BaseObject).Single(o => o.GetType().Name == "PasswordReset")).TemporaryPassword);
        Assert.Contains(result.Output, o => o.BaseObject.GetType().Name == "ContainmentAction" && (string)((dynamic)o.BaseObject).Status == "Succeeded");
    }

    [Fact]
    public void A_user_named_once_by_name_and_once_by_id_is_reset_once()
    {
        UserRecord user = Member(7);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($Upn, $Id) $Upn, $Id | Reset-CompromisedPassword -Confirm:$false",
            Parameters.Of(("Upn", user.UserPrincipalName), ("Id", user.Id)));

        Assert.Empty(result.AllErrors);
        dynamic reset = Assert.Single(result.Output.Select(o => o.BaseObject), o => o.GetType().Name == "PasswordReset");
        Assert.True(Sandbox.Tenant.FindUser(user.Id)!.Password!.Matches(Reveal((SecureString)reset.TemporaryPassword)), "The one password handed back must be the one Graph holds.");
    }

    [Fact]
    public void The_change_at_next_sign_in_flags_and_the_length_reach_graph()
    {
        UserRecord user = Member(8);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U) Reset-CompromisedPassword $U -ForceChangePasswordNextSignIn:$false -RequireMfaForChange -Length 64 -SkipRevocation -Confirm:$false",
            Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Empty(result.AllErrors);
        dynamic reset = Assert.Single(result.Output).BaseObject;
        UserRecord stored = Sandbox.Tenant.FindUser(user.Id)!;
        Assert.False(stored.ForceChangePasswordNextSignIn);
        Assert.True(stored.ForceChangePasswordNextSignInWithMfa);
        Assert.False((bool)reset.ForceChangePasswordNextSignIn);
        Assert.True((bool)reset.ForceChangePasswordNextSignInWithMfa);
        string password = Reveal((SecureString)reset.TemporaryPassword);
        Assert.Equal(64, password.Length);
        Assert.True(stored.Password!.Matches(password));
    }

    [Fact]
    public void Reset_alone_revokes_first_and_reports_that_too()
    {
        UserRecord user = Member(2);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -Confirm:$false", Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Empty(result.AllErrors);
        Assert.Equal(new[] { "ContainmentAction", "PasswordReset" }, result.Output.Select(o => o.BaseObject.GetType().Name));
        dynamic revoke = result.Output[0].BaseObject;
        dynamic reset = result.Output[1].BaseObject;
        Assert.Equal("RevokeSessions", (string)revoke.Action);
        Assert.Equal((DateTimeOffset?)revoke.SignInSessionsValidFromDateTime, (DateTimeOffset?)reset.SessionsRevokedAt);
        Assert.True((DateTimeOffset)reset.Timestamp >= (DateTimeOffset)revoke.SignInSessionsValidFromDateTime, "The lock is changed after the sessions are cut.");
    }

    [Fact]
    public void Skip_revocation_resets_without_revoking()
    {
        UserRecord user = Member(3);
        using HostedPowerShell shell = _fixture.ConnectedShell();
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -SkipRevocation -Length 30 -Confirm:$false -AsPlainText", Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Empty(result.AllErrors);
        PSObject shown = Assert.Single(result.Output);
        string plain = (string)shown.Properties["TemporaryPasswordPlainText"].Value;
        Assert.Equal(30, plain.Length);
        Assert.True(Sandbox.Tenant.FindUser(user.Id)!.Password!.Matches(plain));
        Assert.DoesNotContain(Sandbox.Requests.Snapshot(), e => e.Path.EndsWith("/revokeSignInSessions", StringComparison.Ordinal));
    }

    [Fact]
    public void The_temporary_password_appears_in_no_stream_message_or_error()
    {
        UserRecord user = Member(4);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($U) $U, 'ghost@contoso.com', 'not a user' | Reset-CompromisedPassword -Confirm:$false -Verbose -Debug -InformationAction Continue",
            Parameters.Of(("U", user.UserPrincipalName)));

        dynamic reset = result.Output.Select(o => o.BaseObject).Single(o => o.GetType().Name == "PasswordReset");
        string password = Reveal((SecureString)reset.TemporaryPassword);
        Assert.True(Sandbox.Tenant.FindUser(user.Id)!.Password!.Matches(password));
        Assert.NotEmpty(result.Verbose);
        Assert.Equal(2, result.Errors.Count);
        string everything = result.AllText() + string.Join("\n", result.Output.Select(o => string.Join(" ", o.Properties.Select(p => p.Value is SecureString ? string.Empty : Convert.ToString(p.Value)))));
        Assert.DoesNotContain(password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(password, (string)reset.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void What_if_changes_no_password()
    {
        UserRecord user = Member(5);
        using HostedPowerShell shell = _fixture.ConnectedShell();
        Sandbox.Requests.Clear();

        ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -WhatIf", Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Empty(result.AllErrors);
        Assert.Empty(result.Output);
        Assert.DoesNotContain(Sandbox.Requests.Snapshot(), e => e.Kind is RequestKind.Graph or RequestKind.Batch);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(257)]
    public void Lengths_outside_14_to_256_are_refused_before_anything_happens(int length)
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("param($U, $L) Reset-CompromisedPassword $U -Length $L -Confirm:$false", Parameters.Of(("U", Member(6).UserPrincipalName), ("L", length)));

        Assert.Contains("Length", Assert.Single(result.AllErrors).Exception.Message, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    internal static string Reveal(SecureString secure)
    {
        IntPtr pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            return Marshal.PtrToStringUni(pointer)!;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}

public sealed class ResetSpecialAccountTests
{
    [Fact]
    public async Task A_synced_user_is_told_to_reset_on_premises_and_its_sessions_are_still_revoked()
    {
        var fixture = new SyncedUserFixture();
        await fixture.InitializeAsync();
        try
        {
            string user = fixture.Sandbox.Tenant.Footholds[0].UserId;
            using HostedPowerShell shell = fixture.ConnectedShell();

            ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -Confirm:$false", Parameters.Of(("U", user)));

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("SyncedUserPasswordResetRefused,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("on-premises", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(new[] { "RevokeSessions:Succeeded", "ResetPassword:Failed" }, result.Output.Select(o => $"{(o.BaseObject.GetType().Name == "PasswordReset" ? "ResetPassword" : ((dynamic)o.BaseObject).Action)}:{((dynamic)o.BaseObject).Status}"));
            Assert.Null(((dynamic)result.Output[1].BaseObject).TemporaryPassword);
            IReadOnlyList<FootholdStatus> footholds = fixture.Sandbox.EvaluateFootholds();
            Assert.False(footholds.Single(f => f.Kind == FootholdKind.Session).IsOpen);
            Assert.True(footholds.Single(f => f.Kind == FootholdKind.Password).IsOpen);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_responder_signed_in_resets_a_synced_user_through_password_writeback()
    {
        var fixture = new SyncedUserFixture();
        await fixture.InitializeAsync();
        try
        {
            string user = fixture.Sandbox.Tenant.Footholds[0].UserId;
            using HostedPowerShell shell = fixture.DelegatedShell();

            ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -Confirm:$false -Verbose", Parameters.Of(("U", user)));

            Assert.Empty(result.AllErrors);
            dynamic reset = result.Output.Select(o => o.BaseObject).Single(o => o.GetType().Name == "PasswordReset");
            Assert.Equal("Succeeded", (string)reset.Status);
            Assert.Contains("writeback", (string)reset.Message, StringComparison.Ordinal);
            Assert.True(fixture.Sandbox.Tenant.FindUser(user)!.Password!.Matches(ResetCompromisedPasswordTests.Reveal((SecureString)reset.TemporaryPassword)));
            Assert.Contains(result.Verbose, v => v.Contains("/authentication/operations/", StringComparison.Ordinal));
            Assert.All(fixture.Sandbox.EvaluateFootholds(), f => Assert.False(f.IsOpen, f.Reason));
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_app_cannot_reset_an_administrator_and_the_error_names_the_role_that_can()
    {
        var fixture = new SandboxFixture();
        await fixture.InitializeAsync();
        try
        {
            UserRecord admin = fixture.Sandbox.Tenant.Users.First(u => u.DirectoryRoles.Contains("Global Administrator"));
            using HostedPowerShell shell = fixture.ConnectedShell();

            ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -SkipRevocation -Confirm:$false", Parameters.Of(("U", admin.UserPrincipalName)));

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.StartsWith("PasswordResetDenied,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("Privileged Authentication Administrator", error.Exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_operators_own_password_is_not_reset_without_force()
    {
        var fixture = new SandboxFixture();
        await fixture.InitializeAsync();
        try
        {
            using HostedPowerShell shell = fixture.DelegatedShell();
            string self = (string)((dynamic)shell.Run("Get-IdentityContainmentContext").Output.Single().BaseObject).Account;

            ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -Confirm:$false", Parameters.Of(("U", self)));

            Assert.StartsWith("OwnAccountRefused,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Empty(result.Output);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
