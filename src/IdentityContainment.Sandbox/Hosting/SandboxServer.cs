using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityContainment.Sandbox;

/// <summary>
/// A Graph-compatible tenant on loopback: Graph v1.0 under /v1.0, a token endpoint (https), a managed
/// identity endpoint, and the ground truth of the attacker's footholds. Several can run in one process.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TokenSigningKey _signingKey;
    private readonly AccessTokenIssuer _issuer;
    private readonly PasswordResetOperations _passwordResets;
    private readonly bool _https;
    private readonly int _proxyPort;
    private LoopbackConnectProxy? _proxy;

    private SandboxServer(SandboxOptions options, TenantState tenant, TokenSigningKey signingKey)
    {
        Tenant = tenant;
        Requests = new RequestLog(options.RequestLogCapacity);
        Faults = new FaultInjector();
        Throttling = options.Throttling;
        AuthenticationOperations = options.AuthenticationOperations;
        ManagedIdentityHeader = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _signingKey = signingKey;
        _issuer = new AccessTokenIssuer(_signingKey, tenant);
        _passwordResets = new PasswordResetOperations(tenant, AuthenticationOperations);
        _https = options.HttpsCertificate is not null;
        _proxyPort = options.ProxyPort;

        var governor = new ThrottleGovernor(Throttling, tenant);
        Paging = options.Paging;
        var router = new GraphRouter(tenant, governor, Faults, Requests, GraphRouteTable.Create(_passwordResets), Paging, options.Latency);
        // The vault takes only tokens for its own resource: a Graph token gets the challenge again.
        var vaultTokens = new AccessTokenValidator(_signingKey, tenant, KeyVaultResource.IsKeyVaultAudience,
            audience => $"AKV10022: Invalid audience. Expected {KeyVaultResource.Uri}, found: {audience}.");
        var pipeline = new SandboxHttpPipeline(
            this,
            new KeyVaultHttpAdapter(this, new KeyVaultEndpoint(tenant, vaultTokens), governor),
            new GraphHttpAdapter(router, new AccessTokenValidator(_signingKey, tenant)),
            new TokenEndpoint(tenant, _issuer, new ClientAssertionValidator(tenant)),
            new ManagedIdentityEndpoint(tenant, _issuer, ManagedIdentityHeader),
            new DiscoveryEndpoints(tenant, _signingKey),
            new SandboxControlEndpoints(this),
            options.Latency);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.HttpPort);
            if (options.HttpsCertificate is { } certificate)
                kestrel.Listen(IPAddress.Loopback, options.HttpsPort, listen => listen.UseHttps(certificate));
        });
        _app = builder.Build();
        _app.Run(pipeline.HandleAsync);
    }

    /// <summary>Loads the scenario, binds the ports and starts serving.</summary>
    /// <exception cref="ScenarioLoadException">The scenario is missing or malformed.</exception>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // RSA key generation takes a noticeable part of a cold start; it runs while the scenario loads.
        var signingKey = Task.Run(() => new TokenSigningKey(), ct);
        Scenario scenario;
        try
        {
            scenario = options.ScenarioObject is { } given
                ? ScenarioLoader.Prepare(given, $"scenario object '{given.Name}'")
                : ScenarioLoader.Load(options.Scenario, options.Clock.GetUtcNow());
        }
        catch
        {
            (await signingKey.ConfigureAwait(false)).Dispose();
            throw;
        }
        var server = new SandboxServer(options, new TenantState(scenario, options.Clock), await signingKey.ConfigureAwait(false));
        try
        {
            await server._app.StartAsync(ct).ConfigureAwait(false);
            server.ReadBoundAddresses();
            if (server._https)
                server._proxy = new LoopbackConnectProxy(server._proxyPort, server.RouteThroughProxy);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri HttpBaseAddress { get; private set; } = null!;

    /// <summary>https://localhost:{port}/ when a certificate was given.</summary>
    public Uri? HttpsBaseAddress { get; private set; }

    /// <summary>http://127.0.0.1:{port}/v1.0 (no trailing slash), what GraphServiceClient takes as its base URL.</summary>
    public Uri GraphEndpoint => new(HttpBaseAddress, "v1.0");

    public Uri? HttpsGraphEndpoint => HttpsBaseAddress is null ? null : new Uri(HttpsBaseAddress, "v1.0");

    /// <summary>The Entra authority host for Azure.Identity; the token endpoint is {AuthorityHost}{tenantId}/oauth2/v2.0/token.</summary>
    public Uri? AuthorityHost => HttpsBaseAddress;

    /// <summary>http://127.0.0.1:{port}/msi/token, the value for IDENTITY_ENDPOINT.</summary>
    public Uri ManagedIdentityEndpoint => new(HttpBaseAddress, "msi/token");

    /// <summary>The secret expected in X-IDENTITY-HEADER, the value for IDENTITY_HEADER. Random per server.</summary>
    public string ManagedIdentityHeader { get; }

    /// <summary>
    /// https://{vault}.vault.localhost/ for the scenario's first Key Vault (null without https or without
    /// a vault). Reach it through <see cref="HttpsProxy"/>: the name does not resolve everywhere.
    /// </summary>
    public Uri? KeyVaultUri => HttpsBaseAddress is not null && Tenant.KeyVaults.FirstOrDefault() is { } vault
        ? KeyVaultResource.VaultUri(vault.Name)
        : null;

    /// <summary>
    /// http://127.0.0.1:{port}/, the value for HTTPS_PROXY (null without https): a loopback CONNECT
    /// proxy that tunnels to this sandbox only, so the vault hosts work without DNS.
    /// </summary>
    public Uri? HttpsProxy => _proxy is null ? null : new Uri($"http://127.0.0.1:{_proxy.Port}/");

    /// <summary>How long password reset operations take; live-tunable like <see cref="Throttling"/>.</summary>
    public AuthenticationOperationOptions AuthenticationOperations { get; }

    public TenantState Tenant { get; }
    public RequestLog Requests { get; }
    public FaultInjector Faults { get; }
    public ThrottlingOptions Throttling { get; }

    /// <summary>Page sizes of every collection; live-tunable like <see cref="Throttling"/>.</summary>
    public PagingOptions Paging { get; }

    /// <summary>Mints a token as the token endpoint would, with whatever permissions the request names.</summary>
    public string IssueAccessToken(AccessTokenRequest request) => _issuer.Issue(request);

    /// <summary>The ground truth: which of the attacker's footholds still work (same as GET /sandbox/footholds).</summary>
    public IReadOnlyList<FootholdStatus> EvaluateFootholds() => FootholdEvaluator.Evaluate(Tenant);

    /// <summary>The mail ground truth: per mailbox, whether mail still leaves the organization (same as GET /sandbox/mail-leaks).</summary>
    public IReadOnlyList<MailLeakStatus> EvaluateMailLeaks() => MailLeakEvaluator.Evaluate(Tenant);

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
            await _proxy.DisposeAsync().ConfigureAwait(false);
        _passwordResets.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _signingKey.Dispose();
    }

    /// <summary>Where the proxy may tunnel a CONNECT: vault hosts to the https listener, loopback names to this sandbox's own ports.</summary>
    private int? RouteThroughProxy(string host, int port)
    {
        var https = HttpsBaseAddress!.Port;
        if (KeyVaultResource.TryGetVaultName(host, out _))
            return port is 443 || port == https ? https : null;
        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        return loopback && (port == https || port == HttpBaseAddress.Port) ? port : null;
    }

    private void ReadBoundAddresses()
    {
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .ToArray();
        var http = addresses.First(a => a.Scheme == Uri.UriSchemeHttp);
        HttpBaseAddress = new Uri($"http://127.0.0.1:{http.Port}/");
        if (addresses.FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttps) is { } https)
            HttpsBaseAddress = new Uri($"https://localhost:{https.Port}/");
    }
}
