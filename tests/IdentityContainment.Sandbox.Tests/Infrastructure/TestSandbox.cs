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

    /// <summary>A sandbox with https, and a client that trusts exactly its certificate.</summary>
    public static async Task<(SandboxServer Server, HttpClient Https)> StartWithHttpsAsync(string scenario = "aitm-bec")
    {
        var certificate = SandboxCertificate.CreateSelfSigned();
        var server = await StartAsync(scenario, o => o.HttpsCertificate = certificate);
        var handler = new HttpClientHandler
        {
            // Test code only: pin the sandbox's own certificate instead of trusting it machine-wide.
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        return (server, new HttpClient(handler) { BaseAddress = server.HttpsBaseAddress });
    }
}
