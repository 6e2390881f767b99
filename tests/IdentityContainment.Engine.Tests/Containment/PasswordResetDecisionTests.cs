using IdentityContainment.Connection;
using IdentityContainment.Containment;
using IdentityContainment.Users;

namespace IdentityContainment.Engine.Tests.Containment;

public sealed class PasswordResetDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly ContainmentContext App = new() { PermissionType = "Application", Scopes = new[] { "User-PasswordProfile.ReadWrite.All" }, DirectoryRoles = new[] { "User Administrator" } };
    private static readonly ContainmentContext Person = new() { PermissionType = "Delegated", AccountId = "id-me", Account = "me@contoso.com" };

    private static ContainmentUser User(string upn, DateTimeOffset? revokedAt = null, bool? synced = null, string type = "Member") =>
        new() { Id = "id-" + upn.Split('@')[0], UserPrincipalName = upn, SignInSessionsValidFromDateTime = revokedAt, OnPremisesSyncEnabled = synced, UserType = type };

    [Fact]
    public void Only_users_read_that_are_not_the_operator_and_not_reset_before_in_the_run_are_reset()
    {
        var options = new PasswordResetOptions { OwnAccount = OwnAccountGuard.For(Person, force: false, "resetting its password") };
        UserLookup[] lookups =
        {
            new("a@contoso.com", User("a@contoso.com"), null, null),
            new("missing@contoso.com", null, null, "req-404"),
            new("me@contoso.com", User("me@contoso.com"), null, null),
            new("id-a", User("a@contoso.com"), null, null), // the same user by id
        };

        var (toReset, report) = PasswordResetDecision.Admit(lookups, options);

        Assert.Equal(new[] { "id-a" }, toReset.Select(u => u.Id));
        Assert.Equal(new[] { "UserNotFound", "OwnAccountRefused" }, report.Errors.Select(e => e.ErrorId));
        Assert.Empty(report.Results);
    }

    [Theory]
    [InlineData(null, false, true)]      // never revoked
    [InlineData(-3600, false, true)]     // revoked an hour ago: an older session may have been opened since
    [InlineData(-60, false, false)]      // revoked a minute ago
    [InlineData(0, false, false)]
    [InlineData(null, true, false)]      // the operator said to skip it
    public void Sessions_not_revoked_within_the_window_are_revoked_first(int? revokedSecondsAgo, bool skip, bool revokeFirst)
    {
        ContainmentUser user = User("a@contoso.com", revokedSecondsAgo is { } s ? Now.AddSeconds(s) : null);
        var options = new PasswordResetOptions { RevokedWithin = TimeSpan.FromMinutes(15), SkipRevocation = skip };

        Assert.Equal(revokeFirst, PasswordResetDecision.NeedRevocation(new[] { user }, Now, options).Contains(user.Id));
    }

    [Fact]
    public void A_successful_revocation_gives_its_time_read_back_and_a_failed_one_keeps_the_time_read_before()
    {
        ContainmentUser a = User("a@contoso.com", Now.AddDays(-3)), b = User("b@contoso.com", Now.AddDays(-4));
        ContainmentAction[] revocations =
        {
            new() { UserId = a.Id, Status = ContainmentActionStatus.Succeeded, SignInSessionsValidFromDateTime = Now },
            new() { UserId = b.Id, Status = ContainmentActionStatus.Failed },
        };

        Dictionary<string, DateTimeOffset?> at = PasswordResetDecision.SessionsRevokedAt(new[] { a, b }, revocations);

        Assert.Equal(Now, at[a.Id]);
        Assert.Equal(Now.AddDays(-4), at[b.Id]);
    }

    [Theory]
    [InlineData(400, true, "Delegated", true)]
    [InlineData(400, true, "Application", false)]  // Graph offers writeback to delegated sign-in only
    [InlineData(400, false, "Delegated", false)]
    [InlineData(403, true, "Delegated", false)]
    public void Only_a_synchronized_users_refusal_under_delegated_sign_in_goes_on_through_writeback(int status, bool synced, string permissionType, bool writeback)
    {
        ContainmentUser user = User("a@contoso.com", synced: synced ? true : null);

        Assert.Equal(writeback, PasswordResetDecision.GoesThroughWriteback(Answers.Refused(status), user, new ContainmentContext { PermissionType = permissionType }));
        Assert.False(PasswordResetDecision.GoesThroughWriteback(Answers.Ok(), user, new ContainmentContext { PermissionType = permissionType }));
    }

    [Theory]
    [InlineData(400, true, "Application", "SyncedUserPasswordResetRefused")]
    [InlineData(403, false, "Application", "PasswordResetDenied")]
    [InlineData(403, false, "Delegated", "GraphPermissionDenied")]
    [InlineData(404, false, "Application", "UserNotFound")]
    public void A_refused_reset_is_explained_in_terms_of_what_to_do_next(int status, bool synced, string permissionType, string errorId)
    {
        ContainmentUser user = User("a@contoso.com", synced: synced ? true : null);
        ContainmentContext context = permissionType == "Application" ? App : Person;

        Assert.Equal(errorId, PasswordResetDecision.Explain(Answers.Refused(status), user, null, Now, new PasswordResetOptions(), context).ErrorId);
    }

    [Theory]
    [InlineData(-60, "Its sessions were revoked.")]
    [InlineData(-3600, "Its sessions were NOT revoked")]
    public void A_refused_reset_says_whether_the_sessions_were_revoked(int revokedSecondsAgo, string says)
    {
        var error = PasswordResetDecision.Explain(Answers.Refused(400), User("a@contoso.com", synced: true), Now.AddSeconds(revokedSecondsAgo), Now, new PasswordResetOptions(), App);

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContainmentActionStatus.Succeeded, null, true)]
    [InlineData(ContainmentActionStatus.Pending, null, true)]        // a writeback still running sets this password
    [InlineData(ContainmentActionStatus.Succeeded, "https://vault.example/secrets/a", false)]
    [InlineData(ContainmentActionStatus.Failed, null, false)]
    public void The_password_stays_in_the_row_only_when_it_was_set_and_no_vault_holds_it(string status, string? secretUri, bool inRow)
    {
        char[] password = "Tmp-Password-123!".ToCharArray();
        var outcome = new PasswordResetOutcome(status, "req-1", null, Now, secretUri);

        PasswordReset row = PasswordResetDecision.Row(User("a@contoso.com"), password, outcome, Now.AddMinutes(-1), new PasswordResetOptions { RequireMfaForChange = true });

        Assert.Equal(inRow, row.TemporaryPassword is not null);
        if (inRow)
        {
            Assert.Equal("Tmp-Password-123!", SecureStrings.Reveal(row.TemporaryPassword!));
        }

        Assert.Equal((status, secretUri, "req-1", Now, Now.AddMinutes(-1)), (row.Status, row.SecretUri, row.RequestId, row.Timestamp, row.SessionsRevokedAt));
        Assert.True(row.ForceChangePasswordNextSignIn);
        Assert.True(row.ForceChangePasswordNextSignInWithMfa);
    }

    [Fact]
    public void A_guest_whose_password_was_set_is_warned_that_the_home_organization_must_reset_it()
    {
        Assert.Contains("home organization", PasswordResetDecision.GuestWarning(User("g@contoso.com", type: "Guest"), passwordSet: true), StringComparison.Ordinal);
        Assert.Null(PasswordResetDecision.GuestWarning(User("g@contoso.com", type: "Guest"), passwordSet: false));
        Assert.Null(PasswordResetDecision.GuestWarning(User("m@contoso.com"), passwordSet: true));
    }
}
