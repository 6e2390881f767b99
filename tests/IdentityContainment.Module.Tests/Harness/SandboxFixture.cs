using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests.Harness;

/// <summary>A sandbox tenant (aitm-bec, http and https) for one test class, and the identities that operate it.</summary>
public class SandboxFixture : IAsyncLifetime
{
    public const string AutomationAppName = "IdentityContainment Automation";
    public const string ReaderAppName = "Read Only Reporter";

    /// <summary>The scenario: aitm-bec unless a derived fixture needs another tenant.</summary>
    protected virtual SandboxOptions CreateOptions() => new() { Scenario = "aitm-bec" };

    public SandboxServer Sandbox { get; private set; } = null!;

    public OperatorApplication AutomationApp => App(AutomationAppName);

    public OperatorApplication ReaderApp => App(ReaderAppName);

    /// <summary>
    /// Cloud-only members without a directory role: users any app may contain. Tests pick theirs by position, each
    /// test its own, so no two tests of a class touch the same user.
    /// </summary>
    public IEnumerable<UserRecord> PlainMembers =>
        Sandbox.Tenant.Users.Where(u => u.UserType == "Member" && u.OnPremisesSyncEnabled != true && u.DirectoryRoles.Count == 0);

    public async Task InitializeAsync()
    {
        SandboxOptions options = CreateOptions();
        options.HttpsCertificate = SandboxTrust.Certificate;
        Sandbox = await SandboxServer.StartAsync(options);
    }

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();

    /// <summary>An app-only token carrying the app's granted roles, as the token endpoint would issue it.</summary>
    public string TokenFor(OperatorApplication app, string? audience = null, bool expired = false) =>
        Sandbox.IssueAccessToken(new AccessTokenRequest
        {
            AppId = app.AppId,
            Permissions = app.Roles,
            Audience = audience ?? GraphResource.Uri,
            NotBefore = expired ? DateTimeOffset.UtcNow.AddHours(-2) : null,
        });

    /// <summary>A hosted runspace connected as the scenario's delegated admin (a responder signed in interactively).</summary>
    public HostedPowerShell DelegatedShell()
    {
        DelegatedAdmin admin = Sandbox.Tenant.Operators.DelegatedAdmins[0];
        string token = Sandbox.IssueAccessToken(new AccessTokenRequest { AppId = admin.ClientAppId, UserPrincipalName = Sandbox.Tenant.FindUser(admin.UserId)!.UserPrincipalName, Permissions = admin.Scopes });
        var shell = new HostedPowerShell();
        shell.ImportModule();
        shell.Run("param($T, $E) Connect-IdentityContainment -AccessToken $T -GraphEndpoint $E -ErrorAction Stop", Parameters.Of(("T", token), ("E", Sandbox.GraphEndpoint.AbsoluteUri))).ThrowIfFailed();
        return shell;
    }

    /// <summary>A hosted runspace connected as the automation app, but with only these permissions in its token.</summary>
    public HostedPowerShell ShellWithOnly(params string[] permissions)
    {
        string token = Sandbox.IssueAccessToken(new AccessTokenRequest { AppId = AutomationApp.AppId, Permissions = permissions });
        var shell = new HostedPowerShell();
        shell.ImportModule();
        shell.Run("param($T, $E) Connect-IdentityContainment -AccessToken $T -GraphEndpoint $E -ErrorAction Stop", Parameters.Of(("T", token), ("E", Sandbox.GraphEndpoint.AbsoluteUri))).ThrowIfFailed();
        return shell;
    }

    /// <summary>A hosted runspace with the module imported and connected with the automation app's token.</summary>
    public HostedPowerShell ConnectedShell(OperatorApplication? app = null)
    {
        var shell = new HostedPowerShell();
        shell.ImportModule();
        shell.Run(
            "param($Token, $Endpoint) Connect-IdentityContainment -AccessToken $Token -GraphEndpoint $Endpoint -ErrorAction Stop",
            new Dictionary<string, object?> { ["Token"] = TokenFor(app ?? AutomationApp), ["Endpoint"] = Sandbox.GraphEndpoint.AbsoluteUri })
            .ThrowIfFailed();
        return shell;
    }

    private OperatorApplication App(string displayName) =>
        Sandbox.Tenant.Operators.Applications.Single(a => a.DisplayName == displayName);
}
