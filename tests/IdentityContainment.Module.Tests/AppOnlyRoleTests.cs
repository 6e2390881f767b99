using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>An app signed in as itself needs Entra roles beside its Graph permissions, and the errors say which.</summary>
public sealed class AppOnlyRoleTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public AppOnlyRoleTests(SandboxFixture fixture) => _fixture = fixture;

    private UserRecord GlobalAdmin => _fixture.Sandbox.Tenant.Users.First(u => u.DirectoryRoles.Contains(DirectoryRoles.GlobalAdministrator));

    [Fact]
    public void An_app_with_the_permission_but_no_role_is_told_to_assign_user_administrator()
    {
        UserRecord user = _fixture.PlainMember(0);
        using HostedPowerShell shell = _fixture.ShellWithRoles();

        ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -SkipRevocation -Confirm:$false", Parameters.Of(("U", user.UserPrincipalName)));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("PasswordResetDenied,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("User Administrator role", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("names none", error.Exception.Message, StringComparison.Ordinal);
        Assert.False(_fixture.Sandbox.Tenant.FindUser(user.Id)!.LastPasswordChangeDateTime > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public void An_app_with_user_administrator_resets_an_ordinary_user()
    {
        UserRecord user = _fixture.PlainMember(1);
        using HostedPowerShell shell = _fixture.ShellWithRoles(DirectoryRoles.UserAdministrator);

        ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -SkipRevocation -Confirm:$false", Parameters.Of(("U", user.UserPrincipalName)));

        Assert.Empty(result.Errors);
        Assert.Equal("Succeeded", (string)((dynamic)result.Output.Single().BaseObject).Status);
    }

    [Fact]
    public void The_context_shows_the_apps_entra_roles()
    {
        using HostedPowerShell shell = _fixture.ShellWithRoles(DirectoryRoles.UserAdministrator);

        dynamic context = shell.Run("Get-IdentityContainmentContext").Output.Single().BaseObject;

        Assert.Equal(new[] { DirectoryRoles.UserAdministrator }, (string[])context.DirectoryRoles);
    }

    [Fact]
    public void Disabling_an_admin_as_an_app_names_the_admin_role_not_a_permission_it_already_has()
    {
        using HostedPowerShell shell = _fixture.ShellWithRoles(DirectoryRoles.UserAdministrator);

        ScriptResult result = shell.Run("param($U) Revoke-CompromisedSession $U -DisableAccount -Confirm:$false", Parameters.Of(("U", GlobalAdmin.UserPrincipalName)));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("AccountDisableDenied,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("holds an administrator role", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Privileged Authentication Administrator", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Grant the Graph permission", error.Exception.Message, StringComparison.Ordinal);
        Assert.True(_fixture.Sandbox.Tenant.FindUser(GlobalAdmin.Id)!.AccountEnabled);
    }
}
