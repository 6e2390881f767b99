using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests.Harness;

/// <summary>A sandbox tenant (aitm-bec, http and https) for one test class, and the identities that operate it.</summary>
public class SandboxFixture : IAsyncLifetime
{
    public const string AutomationAppName = "IdentityContainment Automation";
    public const string ReaderAppName = "Read Only Reporter";

    /// <summary>The scenario: aitm-bec unless a derived fixture needs another tenant.</summary>
    protected virtual SandboxOptions CreateOptions() => new() { Scenario = "aitm-bec" };

    /// <summary>
    /// Pages of two: every list the module reads then spans pages (a list query of 15 users, a user's devices), so a test
    /// passes only if the module follows @odata.nextLink. A fixture that counts requests serves Graph's own page sizes.
    /// </summary>
    protected virtual int? PageSize => 2;

    public SandboxServer Sandbox { get; private set; } = null!;

    public OperatorApplication AutomationApp => App(AutomationAppName);

    public OperatorApplication ReaderApp => App(ReaderAppName);

    /// <summary>
    /// Cloud-only members without a directory role: users any app may contain. Tests pick theirs by position, each
    /// test its own, so no two tests of a class touch the same user.
    /// </summary>
    public IEnumerable<UserRecord> PlainMembers =>
        Sandbox.Tenant.Users.Where(u => u.UserType == UserTypes.Member && u.OnPremisesSyncEnabled != true && u.DirectoryRoles.Count == 0);

    public async Task InitializeAsync()
    {
        SandboxOptions options = CreateOptions();
        options.HttpsCertificate = SandboxTrust.Certificate;
        options.Paging.MaxPageSize = PageSize;
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

    /// <summary>The index-th of <see cref="PlainMembers"/>.</summary>
    public UserRecord PlainMember(int index) => PlainMembers.ElementAt(index);

    /// <summary>A hosted runspace connected as the scenario's delegated admin (a responder signed in interactively).</summary>
    public HostedPowerShell DelegatedShell()
    {
        DelegatedAdmin admin = Sandbox.Tenant.Operators.DelegatedAdmins[0];
        return ShellWithToken(Sandbox.IssueAccessToken(new AccessTokenRequest { AppId = admin.ClientAppId, UserPrincipalName = Sandbox.Tenant.FindUser(admin.UserId)!.UserPrincipalName, Permissions = admin.Scopes }));
    }

    /// <summary>A hosted runspace connected as the automation app, but with only these permissions in its token.</summary>
    public HostedPowerShell ShellWithOnly(params string[] permissions)
    {
        return ShellWithToken(Sandbox.IssueAccessToken(new AccessTokenRequest { AppId = AutomationApp.AppId, Permissions = permissions }));
    }

    /// <summary>A hosted runspace connected as the automation app whose service principal holds exactly these Entra roles.</summary>
    public HostedPowerShell ShellWithRoles(params string[] directoryRoles)
    {
        string token = Sandbox.IssueAccessToken(new AccessTokenRequest { AppId = AutomationApp.AppId, Permissions = AutomationApp.Roles, DirectoryRoles = directoryRoles });
        return ShellWithToken(token);
    }

    /// <summary>A hosted runspace connected with this token.</summary>
    public static HostedPowerShell ShellWithToken(string token, SandboxServer sandbox)
    {
        var shell = new HostedPowerShell();
        shell.ImportModule();
        shell.Run("param($T, $E) Connect-IdentityContainment -AccessToken $T -GraphEndpoint $E -ErrorAction Stop", Parameters.Of(("T", token), ("E", sandbox.GraphEndpoint.AbsoluteUri))).ThrowIfFailed();
        return shell;
    }

    private HostedPowerShell ShellWithToken(string token) => ShellWithToken(token, Sandbox);

    /// <summary>
    /// The first lines of a real-pwsh script that signs in as the automation app with its client secret through the
    /// https authority (a credential that can get a Key Vault token too); <see cref="PwshEnvironment"/> gives its values.
    /// </summary>
    public const string PwshConnectWithSecret = """
        Import-Module $env:IC_MODULE_PATH
        $secret = ConvertTo-SecureString $env:IC_CLIENT_SECRET -AsPlainText -Force
        $null = Connect-IdentityContainment -TenantId $env:IC_TENANT -ClientId $env:IC_APP -ClientSecret $secret -AuthorityHost $env:IC_AUTHORITY -GraphEndpoint $env:IC_GRAPH_ENDPOINT -ErrorAction Stop

        """;

    /// <summary>
    /// What a real pwsh needs for <see cref="PwshConnectWithSecret"/> and the sandbox's vault (IC_VAULT, reached
    /// through HTTPS_PROXY, which a process takes only when it starts), and IC_USER_ID.
    /// </summary>
    public Dictionary<string, string> PwshEnvironment(string userId) => new()
    {
        ["HTTPS_PROXY"] = Sandbox.HttpsProxy!.AbsoluteUri,
        ["IC_MODULE_PATH"] = ModuleLocation.ManifestPath,
        ["IC_CLIENT_SECRET"] = SandboxSecrets.AutomationAppSecret,
        ["IC_TENANT"] = Sandbox.Tenant.TenantId,
        ["IC_APP"] = AutomationApp.AppId,
        ["IC_AUTHORITY"] = Sandbox.AuthorityHost!.AbsoluteUri,
        ["IC_GRAPH_ENDPOINT"] = Sandbox.HttpsGraphEndpoint!.AbsoluteUri,
        ["IC_USER_ID"] = userId,
        ["IC_VAULT"] = Sandbox.KeyVaultUri!.AbsoluteUri,
    };

    /// <summary>A hosted runspace signed in as the automation app with its client secret, through the https authority.</summary>
    public HostedPowerShell ClientSecretShell()
    {
        var shell = new HostedPowerShell();
        shell.ImportModule();
        shell.Run(
            "param($Tenant, $App, $Secret, $Authority, $Endpoint) Connect-IdentityContainment -TenantId $Tenant -ClientId $App -ClientSecret $Secret -AuthorityHost $Authority -GraphEndpoint $Endpoint -ErrorAction Stop",
            Parameters.Of(("Tenant", Sandbox.Tenant.TenantId), ("App", AutomationApp.AppId), ("Secret", SandboxSecrets.AutomationAppSecret), ("Authority", Sandbox.AuthorityHost!.AbsoluteUri), ("Endpoint", Sandbox.HttpsGraphEndpoint!.AbsoluteUri)))
            .ThrowIfFailed();
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
