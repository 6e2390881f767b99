using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// A responder signed in as a guest admin is still refused their own account however they name it: by the #EXT# UPN
/// of this tenant (which their token does not carry) or by object id.
/// </summary>
public sealed class OwnAccountGuardTests : IClassFixture<GuestAdminFixture>
{
    private readonly GuestAdminFixture _fixture;

    public OwnAccountGuardTests(GuestAdminFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    private static UserRecord Self => GuestAdminFixture.GuestAdmin;

    [Fact]
    public void A_guest_admins_token_names_them_by_their_home_address_not_the_ext_upn()
    {
        using HostedPowerShell shell = _fixture.DelegatedShell();

        dynamic context = shell.Run("Get-IdentityContainmentContext").Output.Single().BaseObject;

        Assert.Equal(Self.Mail, (string)context.Account);
        Assert.Equal(Self.Id, (string)context.AccountId);
    }

    [Theory]
    [InlineData(nameof(UserRecord.UserPrincipalName))]
    [InlineData(nameof(UserRecord.Id))]
    public void Revoke_refuses_the_guest_admins_own_account_without_force(string namedBy)
    {
        using HostedPowerShell shell = _fixture.DelegatedShell();
        DateTimeOffset? before = Sandbox.Tenant.FindUser(Self.Id)!.SignInSessionsValidFromDateTime;

        ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession $U -Confirm:$false", Parameters.Of(("U", NameOfSelf(namedBy))));

        Assert.StartsWith("OwnAccountRefused,", Assert.Single(result.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
        dynamic skipped = result.Output.Single().BaseObject;
        Assert.Equal("Skipped", (string)skipped.Status);
        Assert.Equal(Self.Id, (string)skipped.UserId);
        Assert.Equal(before, Sandbox.Tenant.FindUser(Self.Id)!.SignInSessionsValidFromDateTime);
    }

    [Theory]
    [InlineData(nameof(UserRecord.UserPrincipalName))]
    [InlineData(nameof(UserRecord.Id))]
    public void Reset_refuses_the_guest_admins_own_account_without_force(string namedBy)
    {
        using HostedPowerShell shell = _fixture.DelegatedShell();
        DateTimeOffset? passwordBefore = Sandbox.Tenant.FindUser(Self.Id)!.LastPasswordChangeDateTime;
        DateTimeOffset? sessionsBefore = Sandbox.Tenant.FindUser(Self.Id)!.SignInSessionsValidFromDateTime;

        ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -Confirm:$false", Parameters.Of(("U", NameOfSelf(namedBy))));

        Assert.StartsWith("OwnAccountRefused,", Assert.Single(result.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(passwordBefore, Sandbox.Tenant.FindUser(Self.Id)!.LastPasswordChangeDateTime);
        Assert.Equal(sessionsBefore, Sandbox.Tenant.FindUser(Self.Id)!.SignInSessionsValidFromDateTime);
    }

    [Fact]
    public void Other_users_in_the_same_run_go_on()
    {
        using HostedPowerShell shell = _fixture.DelegatedShell();
        UserRecord other = Sandbox.Tenant.Users.First(u => u.UserType == "Member" && u.DirectoryRoles.Count == 0);

        ScriptResult result = shell.Run("param($A, $B) $A, $B | Revoke-CompromisedSession -Confirm:$false", Parameters.Of(("A", Self.UserPrincipalName), ("B", other.UserPrincipalName)));

        Assert.StartsWith("OwnAccountRefused,", Assert.Single(result.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
        var actions = result.Output.Select(o => (dynamic)o.BaseObject).ToList();
        Assert.Contains(actions, a => (string)a.UserId == Self.Id && (string)a.Status == "Skipped");
        Assert.Contains(actions, a => (string)a.UserId == other.Id && (string)a.Status == "Succeeded");
    }

    private static string NameOfSelf(string namedBy) => namedBy == nameof(UserRecord.Id) ? Self.Id.ToUpperInvariant() : Self.UserPrincipalName;
}
