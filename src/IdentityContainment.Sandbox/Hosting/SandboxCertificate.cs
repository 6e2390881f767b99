using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdentityContainment.Sandbox;

/// <summary>A throwaway TLS certificate for the sandbox's https endpoint.</summary>
public static class SandboxCertificate
{
    /// <summary>
    /// CN=localhost with SANs localhost, *.vault.localhost (the Key Vaults) and 127.0.0.1, serverAuth,
    /// valid for about a year, with a private key Kestrel can use on every platform.
    /// </summary>
    public static X509Certificate2 CreateSelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        // Two labels under the wildcard, so TLS stacks that refuse "*.localhost" accept it.
        names.AddDnsName("*" + KeyVaultResource.HostSuffix);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(365));
        // A freshly created certificate holds an ephemeral key that SslStream cannot use on Windows;
        // a PKCS#12 round trip gives it a usable one everywhere.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>The public certificate as PEM, for a trust file such as SSL_CERT_FILE.</summary>
    public static string ExportPem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.ExportCertificatePem() + "\n";
    }
}
