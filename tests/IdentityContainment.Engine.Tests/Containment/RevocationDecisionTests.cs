using IdentityContainment.Containment;
using IdentityContainment.Graph;
using IdentityContainment.Users;

namespace IdentityContainment.Engine.Tests.Containment;

public sealed class RevocationDecisionTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly SentRevocation Sent = new(Array.Empty<GraphBatchResult>(), SentAt, SentAt.AddSeconds(1));
    private static readonly ContainmentContext App = new() { PermissionType = "Application", Scopes = new[] { "User.RevokeSessions.All" } };
    private static readonly RevocationOptions Revoke = new() { ReadBackTimeout = TimeSpan.FromSeconds(30) };

    private static ContainmentUser User(string upn, DateTimeOffset? validFrom, bool enabled = true, string type = "Member", bool? synced = null) => new()
    {
        Id = "id-" + upn,
        UserPrincipalName = upn,
        SignInSessionsValidFromDateTime = validFrom,
        AccountEnabled = enabled,
        UserType = type,
        OnPremisesSyncEnabled = synced,
    };

    private static UserRevocation Outcome(ContainmentUser? readBack, GraphBatchResult revoke, GraphBatchResult? disable = null, bool reportedBefore = false, string? input = null) =>
        new(input ?? readBack?.UserPrincipalName ?? "gone@contoso.com", disable, revoke, new UserLookup(input ?? readBack?.UserPrincipalName ?? "gone@contoso.com", readBack, null, null), reportedBefore);

    [Fact]
    public void Without_a_disable_every_user_is_revoked()
    {
        var (toRevoke, disabled, report) = RevocationDecision.AfterDisable(new[] { "a", "b" }, null);

        Assert.Equal(new[] { "a", "b" }, toRevoke);
        Assert.All(disabled, Assert.Null);
        Assert.Empty(report.Entries);
    }

    [Fact]
    public void A_user_the_disable_did_not_find_is_reported_and_not_revoked_and_the_others_keep_their_answers()
    {
        GraphBatchResult a = Answers.Ok("req-a"), c = Answers.Refused(403);

        var (toRevoke, disabled, report) = RevocationDecision.AfterDisable(new[] { "a", "gone", "c" }, new[] { a, Answers.Refused(404, "Request_ResourceNotFound"), c });

        Assert.Equal(new[] { "a", "c" }, toRevoke);
        Assert.Equal(new[] { a, c }, disabled);
        Assert.Equal("UserNotFound", Assert.Single(report.Errors).ErrorId);
        Assert.Empty(report.Results);
    }

    [Theory]
    [InlineData(true, 5, null, null, true)]       // revoked, read shows it
    [InlineData(true, -3600, null, null, false)]  // a replica that has not seen the revocation
    [InlineData(false, -3600, null, null, true)]  // a failed revocation has nothing to show
    [InlineData(true, 5, true, false, true)]      // disabled and revoked, both shown
    [InlineData(true, 5, true, true, false)]      // the disable is not shown yet
    [InlineData(true, 5, false, true, true)]      // a refused disable has nothing to show
    public void A_read_back_shows_the_writes_only_when_it_shows_every_write_graph_accepted(bool revoked, int validFromSecondsAfterSent, bool? disabled, bool? enabledAsRead, bool shows)
    {
        ContainmentUser read = User("u@contoso.com", SentAt.AddSeconds(validFromSecondsAfterSent), enabled: enabledAsRead ?? true);
        GraphBatchResult? disable = disabled switch { true => Answers.Ok(), false => Answers.Refused(403), null => null };

        Assert.Equal(shows, RevocationDecision.ShowsWrites(read, revoked ? Answers.Ok() : Answers.Refused(403), disable, SentAt));
    }

    [Fact]
    public void A_revocation_the_read_back_shows_is_reported_succeeded_with_the_time_graph_holds()
    {
        ContainmentUser read = User("a@contoso.com", SentAt.AddSeconds(1));

        var report = RevocationDecision.Report(new[] { Outcome(read, Answers.Ok("req-1")) }, Sent, Revoke, App);

        ContainmentAction row = Assert.Single(report.Results);
        Assert.Equal((ContainmentActions.RevokeSessions, ContainmentActionStatus.Succeeded, read.Id, "req-1"), (row.Action, row.Status, row.UserId, row.RequestId));
        Assert.Equal(read.SignInSessionsValidFromDateTime, row.SignInSessionsValidFromDateTime);
        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void A_revocation_the_read_back_does_not_show_yet_is_pending_with_a_warning_never_succeeded()
    {
        ContainmentUser read = User("a@contoso.com", SentAt.AddDays(-10));

        var report = RevocationDecision.Report(new[] { Outcome(read, Answers.Ok()) }, Sent, Revoke, App);

        ContainmentAction row = Assert.Single(report.Results);
        Assert.Equal(ContainmentActionStatus.Pending, row.Status);
        Assert.Null(row.SignInSessionsValidFromDateTime);
        Assert.Contains("after 30 s of reading back", Assert.Single(report.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Disable_then_revoke_report_two_rows_in_that_order_and_a_synced_account_gets_the_sync_warning()
    {
        ContainmentUser read = User("s@contoso.com", SentAt, enabled: false, synced: true);

        var report = RevocationDecision.Report(new[] { Outcome(read, Answers.Ok(), disable: Answers.Ok()) }, Sent, Revoke, App);

        Assert.Equal(new[] { ContainmentActions.DisableAccount, ContainmentActions.RevokeSessions }, report.Results.Select(r => r.Action));
        Assert.All(report.Results, r => Assert.Equal(ContainmentActionStatus.Succeeded, r.Status));
        Assert.False(report.Results.First().AccountEnabled);
        Assert.Contains("next sync cycle enables it again", Assert.Single(report.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_disable_the_read_back_does_not_show_is_pending()
    {
        ContainmentUser read = User("a@contoso.com", SentAt, enabled: true);

        var report = RevocationDecision.Report(new[] { Outcome(read, Answers.Ok(), disable: Answers.Ok()) }, Sent, Revoke, App);

        Assert.Equal(ContainmentActionStatus.Pending, report.Results.Single(r => r.Action == ContainmentActions.DisableAccount).Status);
        Assert.Equal(ContainmentActionStatus.Succeeded, report.Results.Single(r => r.Action == ContainmentActions.RevokeSessions).Status);
    }

    [Fact]
    public void A_user_graph_does_not_have_is_one_error_and_no_row()
    {
        var report = RevocationDecision.Report(new[] { Outcome(null, Answers.Refused(404, "Request_ResourceNotFound"), input: "gone@contoso.com") }, Sent, Revoke, App);

        Assert.Equal("UserNotFound", Assert.Single(report.Errors).ErrorId);
        Assert.Empty(report.Results);
    }

    [Fact]
    public void A_refused_revocation_is_reported_failed_with_the_explained_error()
    {
        ContainmentUser read = User("a@contoso.com", SentAt.AddDays(-10));

        var report = RevocationDecision.Report(new[] { Outcome(read, Answers.Refused(403)) }, Sent, Revoke, App);

        var error = Assert.Single(report.Errors);
        Assert.Equal("GraphPermissionDenied", error.ErrorId);
        ContainmentAction row = Assert.Single(report.Results);
        Assert.Equal((ContainmentActionStatus.Failed, error.Message), (row.Status, row.Message));
        Assert.Null(row.SignInSessionsValidFromDateTime);
    }

    [Fact]
    public void A_revoked_user_that_could_not_be_read_back_is_reported_with_the_read_error_and_what_was_not_done()
    {
        var lookup = new UserLookup("a@contoso.com", null, null, null, new HttpRequestException("connection reset"));
        var options = new RevocationOptions { DisableDevicesRegisteredSince = SentAt.AddDays(-1) };

        var report = RevocationDecision.Report(new[] { new UserRevocation("a@contoso.com", null, Answers.Ok(), lookup, false) }, Sent, options, App);

        Assert.Equal("GraphRequestFailed", Assert.Single(report.Errors).ErrorId);
        ContainmentAction row = Assert.Single(report.Results);
        Assert.Equal(ContainmentActionStatus.Succeeded, row.Status);
        Assert.Contains("-DisableDevice were not done", row.Message, StringComparison.Ordinal);
        Assert.Empty(RevocationDecision.Contained(new[] { new UserRevocation("a@contoso.com", null, Answers.Ok(), lookup, false) }));
    }

    [Theory]
    [InlineData(false, "Disable the guest account (-DisableAccount)")]
    [InlineData(true, "the account is disabled here")]
    public void A_revoked_guest_is_warned_that_the_home_tenant_holds_the_stolen_session(bool disabled, string advice)
    {
        ContainmentUser read = User("guest_fabrikam.com#EXT#@contoso.com", SentAt, enabled: !disabled, type: "Guest");

        var report = RevocationDecision.Report(new[] { Outcome(read, Answers.Ok(), disable: disabled ? Answers.Ok() : null) }, Sent, Revoke, App);

        Assert.Contains(advice, Assert.Single(report.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_reported_before_under_another_name_gets_no_second_row_and_is_not_contained_again()
    {
        ContainmentUser read = User("a@contoso.com", SentAt);
        UserRevocation[] outcomes = { Outcome(read, Answers.Ok(), reportedBefore: true), Outcome(User("b@contoso.com", SentAt), Answers.Ok()), Outcome(User("c@contoso.com", SentAt), Answers.Refused(403)) };

        var report = RevocationDecision.Report(outcomes, Sent, Revoke, App);

        Assert.DoesNotContain(report.Results, r => r.UserId == read.Id);
        Assert.Equal(new[] { "id-b@contoso.com" }, RevocationDecision.Contained(outcomes).Select(u => u.Id));
    }
}
