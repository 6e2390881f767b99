namespace IdentityContainment.Sandbox.Tests;

/// <summary>Starts a sandbox per test: tests change tenant state, so none shares one.</summary>
internal static class TestSandbox
{
    public static Task<SandboxServer> StartAsync(string scenario = "aitm-bec", Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { Scenario = scenario };
        configure?.Invoke(options);
        return SandboxServer.StartAsync(options);
    }

    /// <summary>A sandbox whose reports limit (5 requests per 10 s) is out of the way, for tests that read many log pages.</summary>
    public static async Task<SandboxServer> StartWithoutReportsLimitAsync(string scenario = "aitm-bec", Action<SandboxOptions>? configure = null)
    {
        var server = await StartAsync(scenario, configure);
        server.Throttling.ReportsQuota = 100_000;
        return server;
    }

    /// <summary>A sandbox with https, and a client that trusts exactly its certificate.</summary>
    public static async Task<(SandboxServer Server, HttpClient Https)> StartWithHttpsAsync(string scenario = "aitm-bec", Action<SandboxOptions>? configure = null)
    {
        var certificate = SandboxCertificate.CreateSelfSigned();
        var server = await StartAsync(scenario, o =>
        {
            o.HttpsCertificate = certificate;
            configure?.Invoke(o);
        });
        return (server, new HttpClient(PinnedHandler(certificate)) { BaseAddress = server.HttpsBaseAddress });
    }

    /// <summary>
    /// A sandbox with https, a client for its token endpoint, and a client for its Key Vault that goes
    /// through the sandbox's CONNECT proxy, as HTTPS_PROXY makes any .NET client do.
    /// </summary>
    public static async Task<(SandboxServer Server, HttpClient Https, HttpClient Vault)> StartWithVaultAsync(string scenario = "aitm-bec")
    {
        var certificate = SandboxCertificate.CreateSelfSigned();
        var server = await StartAsync(scenario, o => o.HttpsCertificate = certificate);
        var vaultHandler = PinnedHandler(certificate);
        vaultHandler.Proxy = new System.Net.WebProxy(server.HttpsProxy);
        vaultHandler.UseProxy = true;
        return (server,
            new HttpClient(PinnedHandler(certificate)) { BaseAddress = server.HttpsBaseAddress },
            new HttpClient(vaultHandler) { BaseAddress = server.KeyVaultUri });
    }

    // Test code only: pin the sandbox's own certificate instead of trusting it machine-wide.
    private static HttpClientHandler PinnedHandler(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) => new()
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
    };
}
