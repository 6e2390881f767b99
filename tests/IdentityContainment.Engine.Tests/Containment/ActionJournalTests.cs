using System.Collections.Concurrent;
using System.Security;
using System.Text.Json;
using IdentityContainment.Connection;
using IdentityContainment.Containment;
using IdentityContainment.Evidence;
using IdentityContainment.Pipeline;
using IdentityContainment.Sandbox;
using IdentityContainment.Users;

namespace IdentityContainment.Engine.Tests.Containment;

/// <summary>The evidence journal seam: every action the engine reports reaches the connection's journal once, in order, without a secret.</summary>
public sealed class ActionJournalTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Every_action_of_a_revocation_and_a_reset_reaches_the_journal_exactly_once_in_order_and_no_password_does()
    {
        SandboxServer sandbox = _tenant.Sandbox;
        GraphConnection connection = _tenant.Connection;
        FootholdDefinition session = sandbox.Tenant.Footholds.Single(f => f.Kind == FootholdKind.Session);
        FootholdDefinition attackerDevice = sandbox.Tenant.Footholds.Single(f => f.Kind == FootholdKind.Device);
        UserRecord victim = sandbox.Tenant.FindUser(session.UserId)!;
        UserRecord other = _tenant.PlainMembers.First(u => u.Id != victim.Id);
        var journal = new RecordingJournal();
        connection.Journal = journal;
        var reader = new UserReader(connection);

        // Disable, revoke, confirm compromised and the attacker's device for the victim; then reset the victim (revoked
        // just now) and another user, whose sessions the reset revokes first.
        var confirmer = new CompromiseConfirmer(connection);
        var revoked = new RecordedResults<ContainmentAction>();
        await new SessionRevoker(connection, reader, new RevocationOptions
        {
            DisableAccount = true,
            ConfirmCompromised = confirmer,
            // Since just before the attacker's device was registered: the session foothold is now the attacker's latest
            // session (aitm-bec revokes the victim a day ago), which is later than the device.
            DisableDevicesRegisteredSince = sandbox.Tenant.FindDevice(attackerDevice.Target!)!.RegistrationDateTime!.Value.AddMinutes(-30),
        }).RevokeAsync(new[] { victim.UserPrincipalName }, revoked, CancellationToken.None);
        await confirmer.FlushAsync(CancellationToken.None);
        var reset = new RecordedResults<object>();
        await new PasswordResetter(connection, reader, new PasswordResetOptions()).ResetAsync(new[] { victim.Id, other.Id }, reset, CancellationToken.None);

        Assert.Empty(revoked.Errors.Concat(reset.Errors));
        object[] reported = revoked.Results.Cast<object>().Concat(reset.Results).ToArray();
        Assert.Equal(
            new[]
            {
                (ContainmentActions.DisableAccount, victim.Id),
                (ContainmentActions.RevokeSessions, victim.Id),
                (ContainmentActions.DisableDevice, victim.Id),
                (ContainmentActions.ConfirmCompromised, victim.Id),
                (ContainmentActions.RevokeSessions, other.Id),
                (ContainmentActions.ResetPassword, victim.Id),
                (ContainmentActions.ResetPassword, other.Id),
            },
            reported.Select(r => JournalEntry.For(r)!).Select(e => (e.Action, e.UserId)));
        Assert.Equal(attackerDevice.Target, ((ContainmentAction)reported[2]).Target);

        // Exactly what was reported, each once, in the order it was reported, with its request-id and status.
        Assert.Equal(
            reported.Select(r => JournalEntry.For(r)!).Select(Row),
            journal.Entries.Select(Row));

        string[] passwords = reset.Results.OfType<PasswordReset>().Select(r => SecureStrings.Reveal(r.TemporaryPassword!)).ToArray();
        Assert.Equal(2, passwords.Length);
        Assert.All(journal.Entries.Where(e => e.Action == ContainmentActions.ResetPassword), e => Assert.True(e.PasswordInOutput));
        string written = JsonSerializer.Serialize(journal.Entries);
        Assert.All(passwords, p => Assert.DoesNotContain(p, written, StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(JournalEntry).GetProperties(), p => p.PropertyType == typeof(SecureString) || p.PropertyType == typeof(char[]));
    }

    [Fact]
    public async Task A_connection_without_a_journal_reports_as_before()
    {
        // The default journal keeps nothing and changes nothing: the revocation is reported all the same.
        Assert.Same(NoActionJournal.Instance, _tenant.Connection.Journal);
        UserRecord user = _tenant.PlainMembers.First();
        var results = new RecordedResults<ContainmentAction>();

        await new SessionRevoker(_tenant.Connection, new UserReader(_tenant.Connection), new RevocationOptions()).RevokeAsync(new[] { user.Id }, results, CancellationToken.None);

        Assert.Equal(ContainmentActionStatus.Succeeded, Assert.Single(results.Results).Status);
    }

    private static (string Action, string UserId, string? Target, string Status, string? RequestId, DateTimeOffset Timestamp) Row(JournalEntry e) =>
        (e.Action, e.UserId, e.Target, e.Status, e.RequestId, e.Timestamp);

    private sealed class RecordingJournal : IActionJournal
    {
        private readonly ConcurrentQueue<JournalEntry> _entries = new();

        public IReadOnlyList<JournalEntry> Entries => _entries.ToArray();

        public void Append(JournalEntry entry) => _entries.Enqueue(entry);
    }
}
