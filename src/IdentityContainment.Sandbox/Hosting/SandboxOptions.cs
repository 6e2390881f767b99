using System.Security.Cryptography.X509Certificates;

namespace IdentityContainment.Sandbox;

/// <summary>How to start a sandbox: which tenant, where to listen, and how slow or strict to be.</summary>
public sealed class SandboxOptions
{
    /// <summary>A bundled scenario name (clean, aitm-bec, synced-user, guest-user, password-spray, generated) or a path to a .json file.</summary>
    public string Scenario { get; set; } = "clean";

    /// <summary>An already-built scenario (e.g. from <see cref="ScenarioGenerator"/>); wins over <see cref="Scenario"/>.</summary>
    public Scenario? ScenarioObject { get; set; }

    /// <summary>0 picks any free port.</summary>
    public int HttpPort { get; set; }

    /// <summary>Used only with <see cref="HttpsCertificate"/>; 0 picks any free port.</summary>
    public int HttpsPort { get; set; }

    /// <summary>
    /// Turns on https (and with it the token endpoint, the Key Vaults and the CONNECT proxy). See
    /// <see cref="SandboxCertificate.CreateSelfSigned"/>; a certificate of your own needs the SANs
    /// localhost and *.vault.localhost for the vaults.
    /// </summary>
    public X509Certificate2? HttpsCertificate { get; set; }

    /// <summary>The loopback CONNECT proxy's port (<see cref="SandboxServer.HttpsProxy"/>), used only with https; 0 picks any free port.</summary>
    public int ProxyPort { get; set; }

    /// <summary>Added to every HTTP request (a $batch counts once), to make the network feel real.</summary>
    public TimeSpan Latency { get; set; }

    public ThrottlingOptions Throttling { get; set; } = new();

    /// <summary>How collections are paged (a small <see cref="PagingOptions.MaxPageSize"/> proves clients follow nextLink).</summary>
    public PagingOptions Paging { get; set; } = new();

    /// <summary>How long password reset operations run before they apply (live-tunable).</summary>
    public AuthenticationOperationOptions AuthenticationOperations { get; set; } = new();

    /// <summary>The sandbox's clock, for token lifetimes, revocation times and throttling windows.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How many requests the request log keeps before dropping the oldest.</summary>
    public int RequestLogCapacity { get; set; } = 100_000;
}
