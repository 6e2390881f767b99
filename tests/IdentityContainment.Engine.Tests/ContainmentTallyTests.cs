using IdentityContainment.Pipeline;

namespace IdentityContainment.Engine.Tests;

public sealed class ContainmentTallyTests
{
    [Fact]
    public void Counts_results_per_action_and_status_in_the_order_they_first_appear()
    {
        var tally = new ContainmentTally();
        tally.Count(Action("a", ContainmentActions.DisableAccount, ContainmentActionStatus.Failed));
        tally.Count(Action("a", ContainmentActions.RevokeSessions, ContainmentActionStatus.Succeeded));
        tally.Count(Action("b", ContainmentActions.RevokeSessions, ContainmentActionStatus.Succeeded));
        tally.Count(new PasswordReset { UserId = "a", Status = ContainmentActionStatus.Succeeded, SecretUri = "https://kv.vault.azure.net/secrets/x" });
        tally.Count(new PasswordReset { UserId = "b", Status = ContainmentActionStatus.Pending, TemporaryPassword = new System.Security.SecureString() });
        tally.Count(new ContainmentUser { Id = "c" });
        tally.CountError();

        ContainmentSummary summary = tally.Summarize("Reset-CompromisedPassword");

        Assert.Equal("Reset-CompromisedPassword", summary.Command);
        Assert.Equal(2, summary.Users);
        Assert.Equal((3, 1, 0, 1), (summary.Succeeded, summary.Failed, summary.Skipped, summary.Pending));
        Assert.Equal(1, summary.Errors);
        Assert.Equal((1, 1), (summary.PasswordsInKeyVault, summary.PasswordsInOutput));
        Assert.Equal(
            new[] { "DisableAccount Failed: 1", "RevokeSessions Succeeded: 2", "ResetPassword Succeeded: 1", "ResetPassword Pending: 1" },
            summary.Actions.Select(a => a.ToString()));
        Assert.True(summary.FinishedAt >= summary.StartedAt);
    }

    private static ContainmentAction Action(string user, string action, string status) =>
        new() { UserId = user, Action = action, Status = status };
}
