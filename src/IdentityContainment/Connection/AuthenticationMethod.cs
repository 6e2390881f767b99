namespace IdentityContainment.Connection;

/// <summary>How the operator signed in.</summary>
public enum AuthenticationMethod
{
    InteractiveBrowser,
    DeviceCode,
    ClientSecret,
    CertificateThumbprint,
    CertificateFile,
    ManagedIdentity,
    AccessToken,
}
