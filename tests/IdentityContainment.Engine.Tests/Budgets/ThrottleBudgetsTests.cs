using IdentityContainment.Graph;
using IdentityContainment.Graph.Budgets;
using Microsoft.Extensions.Time.Testing;

namespace IdentityContainment.Engine.Tests;

/// <summary>The connection's budgets as the batch client and the pipeline handler use them, on a clock the test moves.</summary>
public sealed class ThrottleBudgetsTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private static ThrottleBudgets Budgets(FakeTimeProvider clock) =>
        new(new WriteQuotaPacer(WriteQuotaPacer.GraphQuota, WriteQuotaPacer.GraphWindow, clock: clock), clock);

    private static ClassifiedRequest Outlook(string mailbox) => new(RequestClass.Outlook, mailbox);

    [Fact]
    public async Task Fifth_request_to_a_mailbox_waits_for_an_answer_and_other_mailboxes_do_not()
    {
        var budgets = Budgets(new FakeTimeProvider());
        var leases = new List<BudgetLease>();
        for (int i = 0; i < 4; i++)
        {
            leases.Add(await budgets.AcquireAsync(Outlook("adelev@contoso.com"), CancellationToken.None));
        }

        Task<BudgetLease> fifth = budgets.AcquireAsync(Outlook("ADELEV@contoso.com"), CancellationToken.None);
        using BudgetLease other = await budgets.AcquireAsync(Outlook("alexw@contoso.com"), CancellationToken.None).WaitAsync(HangGuard);
        Assert.False(fifth.IsCompleted, "Mailboxes are keyed ignoring case: this is the fifth request in flight to Adele's.");
        Assert.Equal(4, budgets.Mailboxes.InFlight("adelev@contoso.com"));

        leases[0].Dispose();
        leases[0].Dispose();
        using BudgetLease admitted = await fifth.WaitAsync(HangGuard);
        Assert.Equal(4, budgets.Mailboxes.InFlight("adelev@contoso.com"));
    }

    [Fact]
    public async Task A_batch_takes_what_fits_and_leaves_the_rest_for_a_following_round()
    {
        var budgets = Budgets(new FakeTimeProvider());
        var six = Enumerable.Range(0, 6).Select(_ => BudgetNeeds.Of(new[] { Outlook("adelev@contoso.com") })).ToList();

        IReadOnlyList<BudgetLease?> round = await budgets.AdmitAsync(six, CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(4, round.Count(l => l is not null));
        Assert.Equal(4, budgets.Mailboxes.InFlight("adelev@contoso.com"));
    }

    [Fact]
    public async Task A_chain_holds_one_permit_per_mailbox_because_graph_runs_it_one_item_at_a_time()
    {
        var budgets = Budgets(new FakeTimeProvider());
        var chain = BudgetNeeds.Of(Enumerable.Repeat(Outlook("adelev@contoso.com"), 6).ToArray());

        IReadOnlyList<BudgetLease?> round = await budgets.AdmitAsync(new[] { chain }, CancellationToken.None).WaitAsync(HangGuard);

        Assert.NotNull(round[0]);
        Assert.Equal(1, budgets.Mailboxes.InFlight("adelev@contoso.com"));
    }

    [Fact]
    public void A_chain_cannot_carry_two_identity_protection_requests() =>
        Assert.Throws<ArgumentException>(() => BudgetNeeds.Of(new[] { new ClassifiedRequest(RequestClass.IdentityProtection), new ClassifiedRequest(RequestClass.IdentityProtection) }));

    [Fact]
    public async Task One_identity_protection_request_per_round_and_the_wait_is_counted_for_its_class()
    {
        var clock = new FakeTimeProvider();
        var budgets = Budgets(clock);
        var three = Enumerable.Range(0, 3).Select(_ => BudgetNeeds.Of(new[] { new ClassifiedRequest(RequestClass.IdentityProtection) })).ToList();

        IReadOnlyList<BudgetLease?> first = await budgets.AdmitAsync(three, CancellationToken.None).WaitAsync(HangGuard);
        Assert.Equal(1, first.Count(l => l is not null));
        first.Single(l => l is not null)!.Dispose();

        Task<IReadOnlyList<BudgetLease?>> second = budgets.AdmitAsync(three.Take(2).ToList(), CancellationToken.None);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await second.WaitAsync(HangGuard)).Count(l => l is not null));

        Assert.Equal(TimeSpan.FromSeconds(1), budgets.Waited(RequestClass.IdentityProtection));
        Assert.Equal(TimeSpan.Zero, budgets.Waited(RequestClass.Outlook));
    }

    [Fact]
    public async Task Log_queries_of_a_batch_spend_the_window_one_each()
    {
        var clock = new FakeTimeProvider();
        var budgets = Budgets(clock);
        var logQuery = BudgetNeeds.Of(new[] { new ClassifiedRequest(RequestClass.AuditLogs) });

        IReadOnlyList<BudgetLease?> round = await budgets.AdmitAsync(Enumerable.Repeat(logQuery, 7).ToList(), CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(5, round.Count(l => l is not null));
        Task<IReadOnlyList<BudgetLease?>> next = budgets.AdmitAsync(Enumerable.Repeat(logQuery, 2).ToList(), CancellationToken.None);
        Assert.False(next.IsCompleted);
        clock.Advance(SlidingWindowBudget.GraphLogsWindow);
        Assert.Equal(2, (await next.WaitAsync(HangGuard)).Count(l => l is not null));
        Assert.Equal(SlidingWindowBudget.GraphLogsWindow, budgets.Waited(RequestClass.AuditLogs));
    }

    [Fact]
    public async Task Outlook_writes_do_not_spend_the_directory_write_quota()
    {
        var clock = new FakeTimeProvider();
        var budgets = new ThrottleBudgets(new WriteQuotaPacer(quota: 2, window: TimeSpan.FromMinutes(1), clock: clock), clock);
        var deleteRule = BudgetNeeds.Of(new[] { RequestClassifier.Classify("DELETE", "/users/a@contoso.com/mailFolders/inbox/messageRules/1") });
        var revoke = BudgetNeeds.Of(new[] { RequestClassifier.Classify("POST", "/users/a@contoso.com/revokeSignInSessions") });

        foreach (BudgetLease? lease in await budgets.AdmitAsync(Enumerable.Repeat(deleteRule, 4).ToList(), CancellationToken.None).WaitAsync(HangGuard))
        {
            lease?.Dispose();
        }

        Assert.Equal(2, (await budgets.AdmitAsync(new[] { revoke, revoke }, CancellationToken.None).WaitAsync(HangGuard)).Count(l => l is not null));
        Assert.False(budgets.Writes.IsPacing);
        Assert.Equal(TimeSpan.Zero, budgets.Waited(RequestClass.IdentityWrite));
    }

    [Fact]
    public async Task Cancelled_while_waiting_for_write_quota_gives_the_mailbox_permits_back()
    {
        var clock = new FakeTimeProvider();
        var budgets = new ThrottleBudgets(new WriteQuotaPacer(quota: 1, window: TimeSpan.FromMinutes(1), clock: clock), clock);
        await budgets.Writes.AcquireAsync(1, CancellationToken.None);
        var chain = BudgetNeeds.Of(new[] { Outlook("adelev@contoso.com"), new ClassifiedRequest(RequestClass.IdentityWrite) });
        using var cancel = new CancellationTokenSource();

        Task<IReadOnlyList<BudgetLease?>> admitting = budgets.AdmitAsync(new[] { chain }, cancel.Token);
        Assert.Equal(1, budgets.Mailboxes.InFlight("adelev@contoso.com"));
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => admitting.WaitAsync(HangGuard));
        Assert.Equal(0, budgets.Mailboxes.InFlight("adelev@contoso.com"));
    }
}
