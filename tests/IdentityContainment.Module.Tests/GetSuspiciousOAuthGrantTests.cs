using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;

namespace IdentityContainment.Module.Tests;

/// <summary>Get-SuspiciousOAuthGrant through PowerShell, against the consent-phishing tenant.</summary>
public sealed class GetSuspiciousOAuthGrantTests : IClassFixture<IllicitConsentFixture>
{
    private const string PhishingApp = "424df1e3-eb29-5194-8892-664a02bcaa31";
    private const string ArchiveApp = "fe108c33-410e-5d3d-892c-67e2cfa6f473";

    private readonly IllicitConsentFixture _fixture;

    public GetSuspiciousOAuthGrantTests(IllicitConsentFixture fixture) => _fixture = fixture;

    [Fact]
    public void Users_from_the_pipeline_get_their_suspicious_grants_with_reasons_and_a_bad_user_does_not_stop_the_rest()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("'adelev@contoso.com', 'nobody@contoso.com', 'not a user', 'leeg@contoso.com' | Get-SuspiciousOAuthGrant -Since ([datetime]::UtcNow.AddDays(-2)) -MinimumRisk High");

        Assert.Equal(new[] { "UserIdMalformed", "UserNotFound" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).Order());
        dynamic[] findings = result.Output.Select(o => (dynamic)o.BaseObject).ToArray();
        Assert.All(findings, f => Assert.Equal("IdentityContainment.OAuthGrantFinding", ((object)f).GetType().FullName));
        Assert.All(findings, f => Assert.Equal("High", (string)f.RiskLevel));
        Assert.Equal(new[] { "adelev@contoso.com", "leeg@contoso.com" }, findings.Where(f => (string)f.ClientServicePrincipalId == PhishingApp).Select(f => (string)f.PrincipalUserPrincipalName).Order());
        Assert.Contains(findings, f => (string)f.ClientServicePrincipalId == ArchiveApp && (string)f.ConsentType == "AllPrincipals");
        Assert.All(findings, f => Assert.NotEmpty((string[])f.Reasons));
    }

    [Fact]
    public void All_reads_the_whole_tenant_with_progress()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run("Get-SuspiciousOAuthGrant -All");

        Assert.Empty(result.AllErrors);
        dynamic[] findings = result.Output.Select(o => (dynamic)o.BaseObject).ToArray();
        Assert.Contains(findings, f => (string)f.GrantKind == "Application" && (string)f.ClientServicePrincipalId == ArchiveApp);
        Assert.Equal(4, findings.Count(f => (string)f.ClientServicePrincipalId == PhishingApp));
        Assert.Contains(result.Progress, p => p.StatusDescription.Contains("grant(s) read", StringComparison.Ordinal));
    }
}
