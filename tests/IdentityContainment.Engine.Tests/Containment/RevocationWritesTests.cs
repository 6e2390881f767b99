using IdentityContainment.Containment;
using IdentityContainment.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Containment;

/// <summary>The revocation's writes against the sandbox over real HTTP.</summary>
public sealed class RevocationWritesTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private UserRecord[] Members => _tenant.PlainMembers.ToArray();

    [Fact]
    public async Task Disable_and_revoke_each_go_out_as_one_batch_and_graph_then_holds_both()
    {
        UserRecord[] users = Members.Take(3).ToArray();
        string[] ids = { users[0].Id, users[1].UserPrincipalName, users[2].Id };
        var writes = new RevocationWrites(_tenant.Connection);
        _tenant.Sandbox.Requests.Clear();

        IReadOnlyList<GraphBatchResult> disabled = await writes.DisableAccountsAsync(ids, CancellationToken.None);
        SentRevocation revoked = await writes.RevokeSessionsAsync(ids, CancellationToken.None);

        Assert.All(disabled.Concat(revoked.Answers), a => Assert.True(a.IsSuccess, $"{a.Status}: {a.Error.Message}"));
        Assert.True(revoked.AnsweredAt >= revoked.SentAt);
        Assert.All(users, u =>
        {
            UserRecord now = _tenant.Sandbox.Tenant.FindUser(u.Id)!;
            Assert.False(now.AccountEnabled);
            Assert.True(ReadBackEvidence.ShowsRevocation(new ContainmentUser { Id = u.Id, SignInSessionsValidFromDateTime = now.SignInSessionsValidFromDateTime }, revoked.SentAt));
        });
        Assert.Equal(2, _tenant.Sandbox.Requests.Snapshot().Count(e => e.Kind == RequestKind.Batch));
    }

    [Fact]
    public async Task A_user_graph_does_not_have_answers_404_in_its_place_and_the_others_are_revoked()
    {
        UserRecord user = Members.Skip(3).First();

        SentRevocation revoked = await new RevocationWrites(_tenant.Connection).RevokeSessionsAsync(new[] { "nobody@contoso.com", user.Id }, CancellationToken.None);

        Assert.Equal(404, revoked.Answers[0].Status);
        Assert.True(revoked.Answers[1].IsSuccess);
        Assert.True(ReadBackEvidence.ShowsRevocation(new ContainmentUser { Id = user.Id, SignInSessionsValidFromDateTime = _tenant.Sandbox.Tenant.FindUser(user.Id)!.SignInSessionsValidFromDateTime }, revoked.SentAt));
    }

    [Fact]
    public async Task No_users_no_request()
    {
        var writes = new RevocationWrites(_tenant.Connection);
        _tenant.Sandbox.Requests.Clear();

        Assert.Empty(await writes.DisableAccountsAsync(Array.Empty<string>(), CancellationToken.None));
        Assert.Empty((await writes.RevokeSessionsAsync(Array.Empty<string>(), CancellationToken.None)).Answers);
        Assert.Empty(_tenant.Sandbox.Requests.Snapshot());
    }
}
