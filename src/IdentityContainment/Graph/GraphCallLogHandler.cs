using System.Diagnostics;

namespace IdentityContainment.Graph;

/// <summary>Times each attempt and reports it with Graph's request-id: what an operator needs to follow a call up.</summary>
internal sealed class GraphCallLogHandler : DelegatingHandler
{
    private readonly Uri _graphEndpoint;
    private readonly GraphCallStatistics _statistics;

    public GraphCallLogHandler(Uri graphEndpoint, GraphCallStatistics statistics)
    {
        _graphEndpoint = graphEndpoint;
        _statistics = statistics;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        stopwatch.Stop();

        _statistics.CountRequest();
        if ((int)response.StatusCode == 429)
        {
            _statistics.CountThrottled();
        }

        GraphActivity.Current?.OnCall(new GraphCallRecord(
            request.Method.Method,
            GraphPaths.Describe(request.RequestUri!, _graphEndpoint),
            (int)response.StatusCode,
            stopwatch.Elapsed,
            HeaderValue(response, "request-id"),
            RetryAttempt.Of(request)));
        return response;
    }

    internal static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
}
