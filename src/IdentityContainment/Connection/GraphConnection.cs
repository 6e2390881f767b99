using Azure.Core;
using IdentityContainment.Graph;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace IdentityContainment.Connection;

/// <summary>
/// A live connection: one HTTP pipeline (token, retries, logging) shared by the typed Graph client and the batch client.
/// </summary>
public sealed class GraphConnection : IDisposable
{
    private readonly HttpClient _http;

    internal GraphConnection(TokenCredential credential, IReadOnlyList<string> tokenScopes, Uri graphEndpoint, RetryPolicy retryPolicy, WriteQuotaPacer writeQuota)
    {
        Credential = credential;
        WriteQuota = writeQuota;
        GraphEndpoint = graphEndpoint;
        Statistics = new GraphCallStatistics();

        var ownHandlers = new DelegatingHandler[]
        {
            new TransientRetryHandler(retryPolicy, graphEndpoint, Statistics),
            new BearerTokenHandler(credential, tokenScopes, graphEndpoint),
            new GraphCallLogHandler(graphEndpoint, Statistics),
        };

        // Keep the Graph SDK's own middleware (redirects, telemetry, query-name decoding) but retry ourselves, so that
        // throttling is paced and counted in one place.
        IEnumerable<DelegatingHandler> handlers = GraphClientFactory.CreateDefaultHandlers()
            .Where(h => h is not Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RetryHandler)
            .Concat(ownHandlers);
        // No overall HttpClient timeout: it would cut the retries short. Each attempt has its own (RetryPolicy.AttemptTimeout).
        var transport = new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate };
        _http = new HttpClient(GraphClientFactory.CreatePipeline(handlers, transport)) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("IdentityContainment/" + typeof(GraphConnection).Assembly.GetName().Version?.ToString(3));

        Client = new GraphServiceClient(_http, new AnonymousAuthenticationProvider(), graphEndpoint.AbsoluteUri.TrimEnd('/'));
        Batch = new GraphBatchClient(_http, graphEndpoint, retryPolicy, Statistics, writeQuota);
    }

    public Uri GraphEndpoint { get; }

    /// <summary>The sign-in itself, for other Azure services the same operator uses (Key Vault).</summary>
    internal TokenCredential Credential { get; }

    public ContainmentContext Context { get; internal set; } = new();

    /// <summary>The typed Graph SDK client, for single calls.</summary>
    public GraphServiceClient Client { get; }

    /// <summary>JSON batches, for many users at once.</summary>
    public GraphBatchClient Batch { get; }

    public GraphCallStatistics Statistics { get; }

    /// <summary>Identity Protection's budget: one request per second per tenant, with no Retry-After on its 429s.</summary>
    public MinimumIntervalGate IdentityProtection { get; } = new(TimeSpan.FromSeconds(1));

    /// <summary>The write quota this connection paces itself to (per app and tenant, so per connection).</summary>
    public WriteQuotaPacer WriteQuota { get; }

    /// <summary>A single Graph call through the connection's pipeline (token, retries, pacing, -Verbose), for what the
    /// typed client cannot express, such as reading the Location of a 202.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => _http.SendAsync(request, cancellationToken);

    /// <summary>An absolute URI for a path relative to the version root (/users/...).</summary>
    public Uri UriFor(string relativePath) => new(GraphEndpoint.AbsoluteUri.TrimEnd('/') + relativePath);

    public void Dispose() => _http.Dispose();
}
