using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using IdentityContainment.Commands.Support;
using IdentityContainment.Connection;
using IdentityContainment.Errors;

namespace IdentityContainment.Commands;

/// <summary>Signs in to a tenant's Microsoft Graph for this runspace and proves the connection with one call.</summary>
[Cmdlet(VerbsCommunications.Connect, "IdentityContainment", DefaultParameterSetName = InteractiveSet)]
[OutputType(typeof(ContainmentContext))]
public sealed class ConnectIdentityContainmentCommand : ContainmentCmdlet
{
    private const string InteractiveSet = "Interactive";
    private const string DeviceCodeSet = "DeviceCode";
    private const string ClientSecretSet = "ClientSecret";
    private const string CertificateThumbprintSet = "CertificateThumbprint";
    private const string CertificateFileSet = "CertificateFile";
    private const string ManagedIdentitySet = "ManagedIdentity";
    private const string AccessTokenSet = "AccessToken";

    [Parameter(ParameterSetName = InteractiveSet, Position = 0)]
    [Parameter(ParameterSetName = DeviceCodeSet, Position = 0)]
    [Parameter(ParameterSetName = ClientSecretSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = CertificateThumbprintSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = CertificateFileSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = ManagedIdentitySet)]
    [Parameter(ParameterSetName = AccessTokenSet)]
    [ValidateNotNullOrEmpty]
    [Alias("Tenant")]
    public string? TenantId { get; set; }

    [Parameter(ParameterSetName = InteractiveSet)]
    [Parameter(ParameterSetName = DeviceCodeSet)]
    [Parameter(ParameterSetName = ClientSecretSet, Mandatory = true)]
    [Parameter(ParameterSetName = CertificateThumbprintSet, Mandatory = true)]
    [Parameter(ParameterSetName = CertificateFileSet, Mandatory = true)]
    [Parameter(ParameterSetName = ManagedIdentitySet)]
    [ValidateNotNullOrEmpty]
    [Alias("ApplicationId", "AppId")]
    public string? ClientId { get; set; }

    [Parameter(ParameterSetName = InteractiveSet)]
    [Parameter(ParameterSetName = DeviceCodeSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Scopes { get; set; }

    [Parameter(ParameterSetName = DeviceCodeSet, Mandatory = true)]
    public SwitchParameter UseDeviceCode { get; set; }

    [Parameter(ParameterSetName = ClientSecretSet, Mandatory = true)]
    [SecureStringTransformation]
    public SecureString? ClientSecret { get; set; }

    [Parameter(ParameterSetName = CertificateThumbprintSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    [Parameter(ParameterSetName = CertificateThumbprintSet)]
    public StoreLocation CertificateStoreLocation { get; set; } = StoreLocation.CurrentUser;

    [Parameter(ParameterSetName = CertificateFileSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? CertificatePath { get; set; }

    [Parameter(ParameterSetName = CertificateFileSet)]
    [SecureStringTransformation]
    public SecureString? CertificatePassword { get; set; }

    [Parameter(ParameterSetName = ManagedIdentitySet, Mandatory = true)]
    [Alias("Identity")]
    public SwitchParameter ManagedIdentity { get; set; }

    [Parameter(ParameterSetName = AccessTokenSet, Mandatory = true)]
    [SecureStringTransformation]
    public SecureString? AccessToken { get; set; }

    [Parameter]
    public CloudEnvironment Environment { get; set; } = CloudEnvironment.Global;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? GraphEndpoint { get; set; }

    [Parameter(ParameterSetName = InteractiveSet)]
    [Parameter(ParameterSetName = DeviceCodeSet)]
    [Parameter(ParameterSetName = ClientSecretSet)]
    [Parameter(ParameterSetName = CertificateThumbprintSet)]
    [Parameter(ParameterSetName = CertificateFileSet)]
    [ValidateNotNullOrEmpty]
    public string? AuthorityHost { get; set; }

    protected override void EndProcessing()
    {
        AuthenticationMethod method = MethodOfParameterSet();
        if (method is AuthenticationMethod.InteractiveBrowser or AuthenticationMethod.DeviceCode && !HostInteractivity.IsInteractive(Host))
        {
            ThrowTerminatingError(ErrorRecords.From(new ContainmentException(
                ContainmentErrorKind.NotSupported,
                "InteractiveSignInUnavailable",
                $"{(method == AuthenticationMethod.DeviceCode ? "Device-code" : "Interactive")} sign-in needs a person at the keyboard, and this session is non-interactive (a runbook, a job, a hosted runspace or pwsh -NonInteractive). "
                + "Use -ManagedIdentity, -CertificateThumbprint or -CertificatePath, -ClientSecret, or -AccessToken instead.")));
        }

        ConnectionRequest request;
        try
        {
            request = new ConnectionRequest
            {
                Method = method,
                Environment = Environment,
                TenantId = TenantId,
                ClientId = ClientId,
                Scopes = Scopes,
                ClientSecret = ClientSecret,
                CertificateThumbprint = CertificateThumbprint,
                CertificateStoreLocation = CertificateStoreLocation,
                CertificatePath = CertificatePath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath),
                CertificatePassword = CertificatePassword,
                AccessToken = AccessToken,
                GraphEndpoint = GraphEndpoint is null ? null : GraphApiVersion.Require(EndpointRules.ValidateGraphEndpoint(GraphEndpoint)),
                AuthorityHost = AuthorityHost is null ? null : EndpointRules.ValidateAuthorityHost(AuthorityHost),
                ShowDeviceCode = message => Bridge.Post(() => Host.UI.WriteWarningLine(message)),
            };
        }
        catch (ContainmentException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
            return;
        }

        GraphConnection connection = RunToEnd(stopping => GraphConnector.ConnectAsync(request, stopping));
        ConnectionStore.Set(connection);
        if (connection.Context.Warning is { } warning)
        {
            WriteWarning(warning);
        }

        WriteObject(connection.Context);
    }

    private AuthenticationMethod MethodOfParameterSet() => ParameterSetName switch
    {
        DeviceCodeSet => AuthenticationMethod.DeviceCode,
        ClientSecretSet => AuthenticationMethod.ClientSecret,
        CertificateThumbprintSet => AuthenticationMethod.CertificateThumbprint,
        CertificateFileSet => AuthenticationMethod.CertificateFile,
        ManagedIdentitySet => AuthenticationMethod.ManagedIdentity,
        AccessTokenSet => AuthenticationMethod.AccessToken,
        _ => AuthenticationMethod.InteractiveBrowser,
    };
}
