using IdentityContainment.Engine.Tests.Containment;
using IdentityContainment.Graph;
using IdentityContainment.Mailboxes.Graph;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests.Mailboxes;

/// <summary>Requests to many mailboxes gathered into batches, against the sandbox's Outlook limit (4 in flight per mailbox).</summary>
public sealed class MailboxRequestsTests : IAsyncLifetime
{
    private SandboxTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await SandboxTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Requests_to_many_mailboxes_leave_in_full_batches_never_more_than_four_to_a_mailbox_and_none_is_throttled()
    {
        // Five mailboxes, eight requests each: no more than 20 may be in flight (4 a mailbox), so the fewest batches are
        // two full ones, and each mailbox's fifth request waits for one of its first four to be answered.
        UserRecord[] users = _tenant.PlainMembers.Take(5).ToArray();
        Assert.Equal(5, users.Length);
        var requests = new MailboxRequests(_tenant.Connection.Batch);
        _tenant.Sandbox.Requests.Clear();

        List<Task<GraphBatchResult>> answers;
        using (requests.Hold())
        {
            answers = users.SelectMany(u => Enumerable.Range(0, 8).Select(_ => requests.SendAsync(u.Id, new GraphBatchItem("GET", $"/users/{u.Id}/mailboxSettings"), CancellationToken.None))).ToList();
        }

        await Task.WhenAll(answers);

        IReadOnlyList<RequestLogEntry> log = _tenant.Sandbox.Requests.Snapshot();
        Assert.DoesNotContain(log, e => e.Status == 429);
        List<RequestLogEntry> items = log.Where(e => e.Kind == RequestKind.Graph && e.BatchId is not null).ToList();
        Assert.Equal(40, items.Count);
        Assert.Equal(2, log.Count(e => e.Kind == RequestKind.Batch));
        Assert.All(items.GroupBy(e => e.BatchId), batch => Assert.All(batch.GroupBy(e => e.Path), mailbox => Assert.True(mailbox.Count() <= 4)));
    }
}
