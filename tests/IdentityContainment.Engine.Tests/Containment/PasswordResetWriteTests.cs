using IdentityContainment.Containment;
using IdentityContainment.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Containment;

/// <summary>The password reset write against the sandbox over real HTTP.</summary>
public sealed class PasswordResetWriteTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Each_user_gets_its_own_password_with_the_change_it_must_make_at_next_sign_in_and_a_synced_user_is_refused()
    {
        UserRecord[] members = _tenant.PlainMembers.Take(2).ToArray();
        UserRecord synced = _tenant.Sandbox.Tenant.Users.FirstOrDefault(u => u.IsSyncedFromOnPremises && u.DirectoryRoles.Count == 0)
            ?? AddSynced();
        UserRecord[] users = { members[0], synced, members[1] };
        char[][] passwords = { "Lemon-Kettle-4821!".ToCharArray(), "Otter-Window-9302!".ToCharArray(), "Cedar-Bridge-5517!".ToCharArray() };
        var options = new PasswordResetOptions { RequireMfaForChange = true };

        (IReadOnlyList<GraphBatchResult> answers, _) = await new PasswordResetWrite(_tenant.Connection).SendAsync(
            users.Select(u => new ContainmentUser { Id = u.Id, UserPrincipalName = u.UserPrincipalName }).ToList(), passwords, options, CancellationToken.None);

        Assert.Equal(new[] { true, false, true }, answers.Select(a => a.IsSuccess));
        Assert.Equal(400, answers[1].Status);
        foreach (int i in new[] { 0, 2 })
        {
            UserRecord now = _tenant.Sandbox.Tenant.FindUser(users[i].Id)!;
            Assert.True(now.Password!.Matches(new string(passwords[i])));
            Assert.True(now.ForceChangePasswordNextSignIn);
            Assert.True(now.ForceChangePasswordNextSignInWithMfa);
        }

        Assert.False(_tenant.Sandbox.Tenant.FindUser(synced.Id)!.Password!.Matches(new string(passwords[1])));
    }

    private UserRecord AddSynced()
    {
        var user = new UserRecord
        {
            Id = "5e000000-0000-4000-8000-000000000001",
            UserPrincipalName = "synced.write@contoso.com",
            DisplayName = "Synced Write",
            OnPremisesSyncEnabled = true,
        };
        _tenant.Sandbox.Tenant.AddUser(user);
        return _tenant.Sandbox.Tenant.FindUser(user.Id)!;
    }
}
