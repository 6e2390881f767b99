using System.Security.Cryptography.X509Certificates;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests.Harness;

/// <summary>
/// One TLS certificate for every https sandbox in this test process, trusted the way an operator's machine trusts a
/// server: through the process's CA bundle. SSL_CERT_FILE is set before the test host starts (sandbox.runsettings,
/// written by the build) and names a file this class fills before the first TLS handshake. The product never
/// switches certificate validation off.
/// </summary>
public static class SandboxTrust
{
    private static readonly Lazy<X509Certificate2> SharedCertificate = new(CreateAndTrust);

    public static X509Certificate2 Certificate => SharedCertificate.Value;

    private static X509Certificate2 CreateAndTrust()
    {
        string? trustFile = Environment.GetEnvironmentVariable("SSL_CERT_FILE");
        if (string.IsNullOrEmpty(trustFile))
        {
            throw new InvalidOperationException(
                "SSL_CERT_FILE is not set, so the https sandbox cannot be trusted. Run the tests with dotnet test, which applies sandbox.runsettings.");
        }

        X509Certificate2 certificate = SandboxCertificate.CreateSelfSigned();
        Directory.CreateDirectory(Path.GetDirectoryName(trustFile)!);
        File.WriteAllText(trustFile, SandboxCertificate.ExportPem(certificate));
        return certificate;
    }
}
