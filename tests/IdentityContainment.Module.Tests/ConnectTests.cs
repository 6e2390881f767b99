using System.Management.Automation;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>Every way of signing in, end to end through the real Azure.Identity credentials against the sandbox tenant.</summary>
public sealed class ConnectTests : IClassFixture<SandboxFixture>
{
    private const string ConnectWithToken = "param($Token, $Endpoint) Connect-IdentityContainment -AccessToken $Token -GraphEndpoint $Endpoint";

    private readonly SandboxFixture _fixture;

    public ConnectTests(SandboxFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [Fact]
    public void Access_token_connect_reports_tenant_app_permissions_and_expiry_but_never_the_token()
    {
        string token = _fixture.TokenFor(_fixture.AutomationApp);
        using HostedPowerShell shell = ImportedShell();

        ScriptResult result = shell.Run(ConnectWithToken + " -Verbose", Parameters.Of(("Token", token), ("Endpoint", Sandbox.GraphEndpoint.AbsoluteUri)));

        Assert.Empty(result.AllErrors);
        dynamic context = result.Output.Single().BaseObject;
        Assert.Equal("IdentityContainment.ContainmentContext", ((object)context).GetType().FullName);
        Assert.Equal(Sandbox.Tenant.TenantId, (string)context.TenantId);
        Assert.Equal(Sandbox.Tenant.Info.DisplayName, (string)context.TenantDisplayName);
        Assert.Equal(_fixture.AutomationApp.AppId, (string)context.AppId);
        Assert.Equal("Application", (string)context.PermissionType);
        Assert.Equal("AccessToken", (string)context.AuthenticationMethod);
        Assert.Equal(_fixture.AutomationApp.Roles.OrderBy(r => r, StringComparer.OrdinalIgnoreCase), (string[])context.Scopes);
        Assert.InRange(((DateTimeOffset)context.TokenExpiresOn!).UtcDateTime, DateTime.UtcNow.AddMinutes(55), DateTime.UtcNow.AddMinutes(61));
        Assert.Contains(result.Verbose, v => v.Contains("GET /organization", StringComparison.Ordinal) && v.Contains("request-id", StringComparison.Ordinal));
        SecretScan.AssertAbsent(result, token);
        object stored = shell.Run("Get-IdentityContainmentContext").Output.Single().BaseObject;
        string everyProperty = string.Join("\n", stored.GetType().GetProperties().Select(p => Convert.ToString(p.GetValue(stored) is string[] values ? string.Join(" ", values) : p.GetValue(stored))));
        Assert.Contains(Sandbox.Tenant.TenantId, everyProperty, StringComparison.Ordinal);
        Assert.DoesNotContain(token, everyProperty, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_token_may_come_as_a_secure_string()
    {
        using HostedPowerShell shell = ImportedShell();
        SecureString token = ToSecureString(_fixture.TokenFor(_fixture.AutomationApp));

        ScriptResult result = shell.Run(ConnectWithToken, Parameters.Of(("Token", token), ("Endpoint", Sandbox.GraphEndpoint.AbsoluteUri)));

        Assert.Empty(result.AllErrors);
        Assert.Single(result.Output);
    }

    [Fact]
    public void Client_secret_signs_in_through_the_https_authority()
    {
        using HostedPowerShell shell = ImportedShell();

        ScriptResult result = ConnectWithSecret(shell, SandboxSecrets.AutomationAppSecret);

        Assert.Empty(result.AllErrors);
        dynamic context = result.Output.Single().BaseObject;
        Assert.Equal("ClientSecret", (string)context.AuthenticationMethod);
        Assert.Equal(_fixture.AutomationApp.AppId, (string)context.AppId);
        Assert.Contains("User.RevokeSessions.All", (string[])context.Scopes);
        Assert.NotEmpty(result.Verbose);
        SecretScan.AssertAbsent(result, SandboxSecrets.AutomationAppSecret);
    }

    [Fact]
    public void Wrong_client_secret_is_an_authentication_error_that_does_not_repeat_the_secret()
    {
        using HostedPowerShell shell = ImportedShell();
        const string wrongSecret = "Wr0ng~Secret~Value~1234567890";

        ScriptResult result = ConnectWithSecret(shell, wrongSecret);

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.StartsWith("SignInFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("AADSTS7000215: Invalid client secret provided.", error.Exception.Message, StringComparison.Ordinal);
        SecretScan.AssertAbsent(result, wrongSecret);
        Assert.Empty(shell.Run("Get-IdentityContainmentContext").Output);
    }

    [Fact]
    public void Certificate_file_signs_in_and_a_wrong_pfx_password_is_explained()
    {
        using X509Certificate2 certificate = CreateAppCertificate();
        Sandbox.Tenant.AddApplicationCertificate(_fixture.AutomationApp.AppId, certificate);
        string pfx = Path.Combine(Path.GetTempPath(), $"ic-test-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password-1"));
        try
        {
            using HostedPowerShell shell = ImportedShell();
            ScriptResult signedIn = ConnectWithCertificateFile(shell, pfx, "pfx-password-1");
            ScriptResult wrongPassword = ConnectWithCertificateFile(shell, pfx, "not-the-password");

            Assert.Empty(signedIn.AllErrors);
            Assert.Equal("CertificateFile", (string)((dynamic)signedIn.Output.Single().BaseObject).AuthenticationMethod);
            ErrorRecord error = Assert.Single(wrongPassword.AllErrors);
            Assert.StartsWith("CertificateFileUnreadable,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            SecretScan.AssertAbsent(wrongPassword, "not-the-password");
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public void Certificate_thumbprint_signs_in_from_the_user_store_and_an_unknown_one_is_named()
    {
        using X509Certificate2 certificate = CreateAppCertificate();
        Sandbox.Tenant.AddApplicationCertificate(_fixture.AutomationApp.AppId, certificate);
        using X509Certificate2 stored = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.PersistKeySet | X509KeyStorageFlags.Exportable);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(stored);
        try
        {
            using HostedPowerShell shell = ImportedShell();
            ScriptResult signedIn = ConnectWithThumbprint(shell, certificate.Thumbprint);
            ScriptResult unknown = ConnectWithThumbprint(shell, "0123456789ABCDEF0123456789ABCDEF01234567");

            Assert.Empty(signedIn.AllErrors);
            Assert.Equal("CertificateThumbprint", (string)((dynamic)signedIn.Output.Single().BaseObject).AuthenticationMethod);
            ErrorRecord error = Assert.Single(unknown.AllErrors);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("0123456789ABCDEF0123456789ABCDEF01234567", error.Exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            store.Remove(stored);
        }
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("wrong-audience")]
    [InlineData("malformed")]
    public void Unusable_access_tokens_are_refused_before_any_graph_call(string kind)
    {
        string token = kind switch
        {
            "expired" => _fixture.TokenFor(_fixture.AutomationApp, expired: true),
            "wrong-audience" => _fixture.TokenFor(_fixture.AutomationApp, audience: "https://management.azure.com"),
            _ => "definitely-not-a-jwt",
        };
        string expectedId = kind switch { "expired" => "AccessTokenExpired", "wrong-audience" => "AccessTokenWrongAudience", _ => "AccessTokenMalformed" };
        int graphCallsBefore = GraphCalls();
        using HostedPowerShell shell = ImportedShell();

        ScriptResult result = shell.Run(ConnectWithToken, Parameters.Of(("Token", token), ("Endpoint", Sandbox.GraphEndpoint.AbsoluteUri)));

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith(expectedId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(graphCallsBefore, GraphCalls());
        SecretScan.AssertAbsent(result, token);
    }

    [Fact]
    public void Token_for_another_tenant_than_tenant_id_is_refused()
    {
        using HostedPowerShell shell = ImportedShell();

        ScriptResult result = shell.Run(
            ConnectWithToken + " -TenantId 11111111-2222-3333-4444-555555555555",
            Parameters.Of(("Token", _fixture.TokenFor(_fixture.AutomationApp)), ("Endpoint", Sandbox.GraphEndpoint.AbsoluteUri)));

        Assert.StartsWith("TenantMismatch,", Assert.Single(result.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sovereign_cloud_refuses_a_token_for_global_graph()
    {
        using HostedPowerShell shell = ImportedShell();

        ScriptResult result = shell.Run(
            ConnectWithToken + " -Environment USGov",
            Parameters.Of(("Token", _fixture.TokenFor(_fixture.AutomationApp)), ("Endpoint", Sandbox.GraphEndpoint.AbsoluteUri)));

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith("AccessTokenWrongAudience,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("https://graph.microsoft.us", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_environment_lists_the_clouds_there_are()
    {
        using HostedPowerShell shell = ImportedShell();

        ScriptResult result = shell.Run("Connect-IdentityContainment -ManagedIdentity -Environment Mars");

        string message = Assert.Single(result.AllErrors).Exception.Message;
        Assert.Contains("Mars", message, StringComparison.Ordinal);
        Assert.Contains("Global, USGov, USGovDoD, China", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://graph.contoso.com/v1.0", "GraphEndpointNotHttps")]
    [InlineData("graph.microsoft.com/v1.0", "GraphEndpointNotAbsolute")]
    public void Graph_endpoint_must_be_absolute_and_https_off_this_machine(string endpoint, string errorId)
    {
        using HostedPowerShell shell = ImportedShell();

        ScriptResult result = shell.Run(ConnectWithToken, Parameters.Of(("Token", _fixture.TokenFor(_fixture.AutomationApp)), ("Endpoint", endpoint)));

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Fact]
    public void Client_secret_sign_in_without_tenant_id_names_the_missing_parameter()
    {
        using HostedPowerShell shell = ImportedShell();

        ScriptResult result = shell.Run(
            "param($App, $Secret) Connect-IdentityContainment -ClientId $App -ClientSecret $Secret",
            Parameters.Of(("App", _fixture.AutomationApp.AppId), ("Secret", "x")));

        Assert.Contains("TenantId", Assert.Single(result.AllErrors).Exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Connect-IdentityContainment")]
    [InlineData("Connect-IdentityContainment -TenantId contoso.onmicrosoft.com -UseDeviceCode")]
    public void Interactive_sign_in_fails_at_once_where_nobody_can_answer(string command)
    {
        using HostedPowerShell shell = ImportedShell();

        // Refused before any sign-in starts (the error id says so): there is no prompt or device-code poll to wait for.
        ScriptResult result = shell.Run(command);

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith("InteractiveSignInUnavailable,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("-ManagedIdentity", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_that_may_not_read_the_organization_still_works_and_says_what_is_missing()
    {
        using HostedPowerShell shell = ImportedShell();

        string token = Sandbox.IssueAccessToken(new AccessTokenRequest { AppId = _fixture.AutomationApp.AppId, Permissions = new[] { "User.RevokeSessions.All" } });

        ScriptResult result = shell.Run(ConnectWithToken, Parameters.Of(("Token", token), ("Endpoint", Sandbox.GraphEndpoint.AbsoluteUri)));

        Assert.Empty(result.AllErrors);
        string warning = Assert.Single(result.Warnings);
        Assert.Contains("Organization.Read.All", warning, StringComparison.Ordinal);
        Assert.Null(((dynamic)result.Output.Single().BaseObject).TenantDisplayName);
    }

    [Fact]
    public async Task Each_runspace_keeps_its_own_connection()
    {
        using HostedPowerShell first = _fixture.ConnectedShell(_fixture.AutomationApp);
        using HostedPowerShell second = _fixture.ConnectedShell(_fixture.ReaderApp);

        Assert.Equal(_fixture.AutomationApp.AppId, (string)((dynamic)first.Run("Get-IdentityContainmentContext").Output.Single().BaseObject).AppId);
        Assert.Equal(_fixture.ReaderApp.AppId, (string)((dynamic)second.Run("Get-IdentityContainmentContext").Output.Single().BaseObject).AppId);

        // Both work at the same time, each with its own identity.
        string user = Sandbox.Tenant.Footholds[0].UserId;
        Task<ScriptResult>[] reads =
        {
            Task.Run(() => first.Run("param($U) 1..5 | ForEach-Object { Get-ContainmentUser -UserId $U }", Parameters.Of(("U", user)))),
            Task.Run(() => second.Run("param($U) 1..5 | ForEach-Object { Get-ContainmentUser -UserId $U }", Parameters.Of(("U", user)))),
        };
        ScriptResult[] results = await Task.WhenAll(reads);
        Assert.All(results, r => Assert.Equal(5, r.ThrowIfFailed().Output.Count));

        first.Run("Disconnect-IdentityContainment").ThrowIfFailed();
        Assert.Empty(first.Run("Get-IdentityContainmentContext").Output);
        Assert.Single(second.Run("Get-IdentityContainmentContext").Output);
    }

    [Fact]
    public void Disconnect_when_not_connected_is_harmless()
    {
        using HostedPowerShell shell = ImportedShell();

        Assert.Empty(shell.Run("Disconnect-IdentityContainment; Disconnect-IdentityContainment").AllErrors);
    }

    private static HostedPowerShell ImportedShell()
    {
        var shell = new HostedPowerShell();
        shell.ImportModule();
        return shell;
    }

    private int GraphCalls() => Sandbox.Requests.Snapshot().Count(e => e.Kind is RequestKind.Graph or RequestKind.Batch);

    private ScriptResult ConnectWithSecret(HostedPowerShell shell, string secret) =>
        ConnectAsAutomationApp(shell, "-ClientSecret $Credential -Verbose -Debug", secret);

    private ScriptResult ConnectWithCertificateFile(HostedPowerShell shell, string path, string password) =>
        ConnectAsAutomationApp(shell, $"-CertificatePath '{path}' -CertificatePassword $Credential", ToSecureString(password));

    private ScriptResult ConnectWithThumbprint(HostedPowerShell shell, string thumbprint) =>
        ConnectAsAutomationApp(shell, "-CertificateThumbprint $Credential", thumbprint);

    /// <summary>App sign-in of the automation app through the sandbox's https authority; the credential goes in as $Credential.</summary>
    private ScriptResult ConnectAsAutomationApp(HostedPowerShell shell, string credentialParameters, object credential) =>
        shell.Run(
            "param($Tenant, $App, $Credential, $Authority, $Endpoint) Connect-IdentityContainment -TenantId $Tenant -ClientId $App -AuthorityHost $Authority -GraphEndpoint $Endpoint " + credentialParameters,
            Parameters.Of(
                ("Tenant", Sandbox.Tenant.TenantId),
                ("App", _fixture.AutomationApp.AppId),
                ("Credential", credential),
                ("Authority", Sandbox.AuthorityHost!.AbsoluteUri),
                ("Endpoint", Sandbox.HttpsGraphEndpoint!.AbsoluteUri)));

    private static X509Certificate2 CreateAppCertificate()
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=IdentityContainment Automation test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static SecureString ToSecureString(string value)
    {
        var secure = new SecureString();
        foreach (char c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
