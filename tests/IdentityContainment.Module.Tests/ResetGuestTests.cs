using System.Security;
using IdentityContainment.Module.Tests.Harness;

namespace IdentityContainment.Module.Tests;

/// <summary>A guest's password lives in their home organization: resetting it here must say so, as revoking does.</summary>
public sealed class ResetGuestTests : IClassFixture<GuestUserFixture>
{
    private readonly GuestUserFixture _fixture;

    public ResetGuestTests(GuestUserFixture fixture) => _fixture = fixture;

    [Fact]
    public void Resetting_a_guest_warns_that_the_home_organization_holds_the_password_that_was_stolen()
    {
        string guest = _fixture.Sandbox.Tenant.Footholds[0].UserId;
        using HostedPowerShell shell = _fixture.ConnectedShell();
        shell.Run("param($U) Revoke-CompromisedSession $U -WarningAction SilentlyContinue", Parameters.Of(("U", guest))).ThrowIfFailed();

        ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -Confirm:$false", Parameters.Of(("U", guest)));

        Assert.Empty(result.AllErrors);
        dynamic reset = Assert.Single(result.Output).BaseObject;
        Assert.Equal("Succeeded", (string)reset.Status);
        Assert.NotNull((SecureString?)reset.TemporaryPassword);
        string warning = Assert.Single(result.Warnings);
        Assert.Contains("is a guest", warning, StringComparison.Ordinal);
        Assert.Contains("home organization", warning, StringComparison.Ordinal);
        Assert.Contains("-DisableAccount", warning, StringComparison.Ordinal);
    }
}
