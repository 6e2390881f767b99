using IdentityContainment.Connection;
using IdentityContainment.Detection.SignIns;
using IdentityContainment.Sandbox;
using IdentityContainment.SignIns;

namespace IdentityContainment.Engine.Tests.SignIns;

/// <summary>The hunt Get-SuspiciousSignIn runs, over the aitm-bec tenant, in both query shapes.</summary>
public sealed class SignInHuntTests
{
    [Theory]
    [InlineData(SignInQueryShape.PerUser)]
    [InlineData(SignInQueryShape.TimeRange)]
    public async Task Each_users_verdict_uses_their_own_revocation_and_the_summary_finds_the_victims_compromise_start(SignInQueryShape shape)
    {
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { Scenario = "aitm-bec" });
        using GraphConnection connection = await SandboxConnections.AsAutomationAppAsync(sandbox);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        ContainmentUser[] users = new[] { "adelev@contoso.com", "leeg@contoso.com" }.Select(upn => sandbox.Tenant.FindUser(upn)!)
            .Select(u => new ContainmentUser { Id = u.Id, UserPrincipalName = u.UserPrincipalName, SignInSessionsValidFromDateTime = u.SignInSessionsValidFromDateTime })
            .Append(new ContainmentUser { Id = "not-an-id" })
            .ToArray();

        var verdicts = new List<UserSignInVerdict>();
        await foreach (UserSignInVerdict verdict in SignInHunt.JudgeEachAsync(connection, users, SignInWindow.For(now.AddDays(-7), null, now), CancellationToken.None, new SignInHuntOptions { Shape = shape }))
        {
            verdicts.Add(verdict);
        }

        Assert.Equal("SignInUserIdNotObjectId", verdicts.Single(v => v.User.Id == "not-an-id").Error?.ErrorId);
        UserSignInVerdict adele = verdicts.Single(v => v.User.UserPrincipalName == "adelev@contoso.com");
        UserSignInVerdict lee = verdicts.Single(v => v.User.UserPrincipalName == "leeg@contoso.com");
        Assert.Null(adele.Error);
        Assert.Contains(adele.Findings, f => f.ReasonCodes.Contains("SignInAfterRevocation"));
        Assert.DoesNotContain(lee.Findings, f => f.ReasonCodes.Contains("SignInAfterRevocation"));

        IReadOnlyList<SignInFinding> starts = SignInSummary.EarliestPerUser(verdicts.SelectMany(v => v.Findings));
        Assert.Equal("198.51.100.77", starts.Single(f => f.UserId == adele.User.Id).IpAddress); // her first successful suspicious sign-in, not the failed spray
    }
}
