using System.Management.Automation;
using System.Security;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// Whoever may choose an endpoint must not receive the token: a credential's token goes only to the cloud's Graph or this
/// machine, and nothing the service answers (an operation's Location) sends it anywhere else.
/// </summary>
public sealed class TokenBoundaryTests : IClassFixture<SandboxFixture>
{
    private const string ForeignEndpoint = "https://graph.contoso.invalid/v1.0";

    private readonly SandboxFixture _fixture;

    public TokenBoundaryTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [Fact]
    public void A_client_secret_connect_to_a_host_that_is_not_the_clouds_graph_is_refused_before_signing_in()
    {
        using HostedPowerShell shell = ImportedShell();
        int tokenRequestsBefore = TokenRequests();

        ScriptResult result = shell.Run(
            // try/catch catches only terminating errors: the refusal must stop Connect, not just report.
            "param($Tenant, $App, $Secret, $Authority, $Endpoint) try { Connect-IdentityContainment -TenantId $Tenant -ClientId $App -ClientSecret $Secret -AuthorityHost $Authority -GraphEndpoint $Endpoint } catch { $_ }",
            Parameters.Of(("Tenant", Sandbox.Tenant.TenantId), ("App", _fixture.AutomationApp.AppId), ("Secret", SandboxSecrets.AutomationAppSecret), ("Authority", Sandbox.AuthorityHost!.AbsoluteUri), ("Endpoint", ForeignEndpoint)));

        Assert.Empty(result.AllErrors);
        ErrorRecord error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.StartsWith("GraphEndpointNotAllowedForSignIn", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-AccessToken", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(tokenRequestsBefore, TokenRequests());
        SecretScan.AssertAbsent(result, SandboxSecrets.AutomationAppSecret);
    }

    [Fact]
    public void A_token_the_caller_already_holds_may_go_to_another_endpoint()
    {
        using HostedPowerShell shell = ImportedShell();
        string token = _fixture.TokenFor(_fixture.AutomationApp);

        ScriptResult result = shell.Run(
            "param($Token, $Endpoint) Connect-IdentityContainment -AccessToken $Token -GraphEndpoint $Endpoint -Verbose -Debug",
            Parameters.Of(("Token", token), ("Endpoint", ForeignEndpoint)));

        // Past the rule: it tried to reach the endpoint (which does not exist), it did not refuse it.
        Assert.StartsWith("GraphUnreachable", Assert.Single(result.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
        SecretScan.AssertAbsent(result, token);
    }

    [Fact]
    public void An_authority_that_is_not_entra_is_refused_before_the_secret_is_sent()
    {
        using HostedPowerShell shell = ImportedShell();

        ScriptResult result = shell.Run(
            "param($Tenant, $App, $Secret) Connect-IdentityContainment -TenantId $Tenant -ClientId $App -ClientSecret $Secret -AuthorityHost https://login.contoso.invalid/",
            Parameters.Of(("Tenant", Sandbox.Tenant.TenantId), ("App", _fixture.AutomationApp.AppId), ("Secret", SandboxSecrets.AutomationAppSecret)));

        Assert.StartsWith("AuthorityHostNotKnown", Assert.Single(result.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    private int TokenRequests() => Sandbox.Requests.Snapshot().Count(e => e.Kind == RequestKind.Token);

    private static HostedPowerShell ImportedShell()
    {
        var shell = new HostedPowerShell();
        shell.ImportModule();
        return shell;
    }
}

/// <summary>The writeback's operation Location is followed only on the Graph endpoint's own origin.</summary>
public sealed class WritebackLocationTests : IClassFixture<SyncedUserFixture>
{
    private readonly SyncedUserFixture _fixture;

    public WritebackLocationTests(SyncedUserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_location_on_another_host_is_not_followed_and_the_reset_is_reported_pending_with_the_reason()
    {
        await using var bystander = new BystanderListener();
        SandboxServer sandbox = _fixture.Sandbox;
        sandbox.AuthenticationOperations.LocationBase = new Uri(bystander.BaseAddress, "v1.0");
        sandbox.AuthenticationOperations.RetryAfter = TimeSpan.Zero;
        string user = sandbox.Tenant.Footholds[0].UserId;
        using HostedPowerShell shell = _fixture.DelegatedShell();

        ScriptResult result = shell.Run("param($U) Reset-CompromisedPassword $U -Confirm:$false", Parameters.Of(("U", user)));

        Assert.Empty(bystander.Requests);
        dynamic reset = result.Output.Select(o => o.BaseObject).Single(o => o.GetType().Name == "PasswordReset");
        Assert.Equal("Pending", (string)reset.Status);
        Assert.Contains("not followed", (string)reset.Message, StringComparison.Ordinal);
        Assert.Contains(bystander.BaseAddress.GetLeftPart(UriPartial.Authority), (string)reset.Message, StringComparison.Ordinal);
        Assert.NotNull((SecureString?)reset.TemporaryPassword);
        Assert.Contains(result.Warnings, w => w.Contains("not followed", StringComparison.Ordinal));
        SecretScan.AssertAbsent(result, ResetCompromisedPasswordTests.Reveal((SecureString)reset.TemporaryPassword));
    }
}
