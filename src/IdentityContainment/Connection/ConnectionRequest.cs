using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace IdentityContainment.Connection;

/// <summary>Everything Connect-IdentityContainment was asked for. Secrets stay SecureStrings until a credential needs them.</summary>
public sealed class ConnectionRequest
{
    public AuthenticationMethod Method { get; init; }

    public CloudEnvironment Environment { get; init; } = CloudEnvironment.Global;

    public string? TenantId { get; init; }

    public string? ClientId { get; init; }

    /// <summary>Delegated scopes for interactive and device-code sign-in; null asks for the module's defaults.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    public SecureString? ClientSecret { get; init; }

    public string? CertificateThumbprint { get; init; }

    public StoreLocation CertificateStoreLocation { get; init; } = StoreLocation.CurrentUser;

    public string? CertificatePath { get; init; }

    public SecureString? CertificatePassword { get; init; }

    public SecureString? AccessToken { get; init; }

    /// <summary>Overrides the cloud's Graph endpoint (a sandbox tenant, a proxy).</summary>
    public Uri? GraphEndpoint { get; init; }

    /// <summary>Overrides the cloud's sign-in authority host.</summary>
    public Uri? AuthorityHost { get; init; }

    /// <summary>Shows the device-code instructions to the operator.</summary>
    public Action<string>? ShowDeviceCode { get; init; }
}
