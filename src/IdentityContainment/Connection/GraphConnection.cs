using Azure.Core;
using IdentityContainment.Evidence;
using IdentityContainment.Graph;
using IdentityContainment.Graph.Budgets;

namespace IdentityContainment.Connection;

/// <summary>
/// A live connection: one HTTP pipeline (retries, token, logging) shared by the batch client and single calls.
/// </summary>
public sealed class GraphConnection : IDisposable
{
    private readonly HttpClient _http;

    internal GraphConnection(TokenCredential credential, IReadOnlyList<string> tokenScopes, Uri graphEndpoint, RetryPolicy retryPolicy, WriteQuotaPacer writeQuota, TimeSpan? logsWindow = null)
    {
        Credential = credential;
        Budgets = new ThrottleBudgets(writeQuota, logsWindow: logsWindow);
        GraphEndpoint = graphEndpoint;
        Statistics = new GraphCallStatistics();

        // Innermost first, so the retries wrap the budgets, the token and the log: each attempt pays its budget, is
        // counted and carries a fresh token. Redirects are followed by the transport, which drops the Authorization
        // header on the way.
        HttpMessageHandler pipeline = new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate };
        foreach (DelegatingHandler handler in new DelegatingHandler[]
        {
            new GraphCallLogHandler(graphEndpoint, Statistics),
            new BearerTokenHandler(credential, tokenScopes, graphEndpoint),
            new ThrottleBudgetHandler(Budgets, graphEndpoint),
            new TransientRetryHandler(retryPolicy, graphEndpoint, Statistics),
        })
        {
            handler.InnerHandler = pipeline;
            pipeline = handler;
        }

        // No overall HttpClient timeout: it would cut the retries short. Each attempt has its own (RetryPolicy.AttemptTimeout).
        _http = new HttpClient(pipeline) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("IdentityContainment/" + typeof(GraphConnection).Assembly.GetName().Version?.ToString(3));

        Batch = new GraphBatchClient(_http, graphEndpoint, retryPolicy, Statistics, Budgets);
    }

    public Uri GraphEndpoint { get; }

    /// <summary>The sign-in itself, for other Azure services the same operator uses (Key Vault).</summary>
    internal TokenCredential Credential { get; }

    public ContainmentContext Context { get; internal set; } = new();

    /// <summary>JSON batches, for many users at once.</summary>
    public GraphBatchClient Batch { get; }

    public GraphCallStatistics Statistics { get; }

    /// <summary>Graph's service limits this connection paces itself to (per app and tenant, so per connection), by request class.</summary>
    public ThrottleBudgets Budgets { get; }

    /// <summary>The identity write quota among the <see cref="Budgets"/>.</summary>
    public WriteQuotaPacer WriteQuota => Budgets.Writes;

    /// <summary>Where every action taken through this connection is appended as evidence; none is kept unless one is set.</summary>
    public IActionJournal Journal { get; set; } = NoActionJournal.Instance;

    /// <summary>A single Graph call through the connection's pipeline (token, retries, budgets, -Verbose); see also
    /// <see cref="GraphCall.SendJsonAsync"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => _http.SendAsync(request, cancellationToken);

    /// <summary>An absolute URI for a path relative to the version root (/users/...).</summary>
    public Uri UriFor(string relativePath) => new(GraphEndpoint.AbsoluteUri.TrimEnd('/') + relativePath);

    public void Dispose() => _http.Dispose();
}
