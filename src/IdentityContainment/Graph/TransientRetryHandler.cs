namespace IdentityContainment.Graph;

/// <summary>Retries a whole HTTP call that Graph throttled or could not serve, as <see cref="RetryPolicy"/> says.</summary>
internal sealed class TransientRetryHandler : DelegatingHandler
{
    private readonly RetryPolicy _policy;
    private readonly Uri _graphEndpoint;
    private readonly GraphCallStatistics _statistics;

    public TransientRetryHandler(RetryPolicy policy, Uri graphEndpoint, GraphCallStatistics statistics)
    {
        _policy = policy;
        _graphEndpoint = graphEndpoint;
        _statistics = statistics;
    }

    /// <summary>Marks a POST as safe to repeat (revokeSignInSessions, a batch of repeatable items).</summary>
    public static void MarkRepeatable(HttpRequestMessage request) => RequestMarks.Set(request, RepeatableKey, true);

    private const string RepeatableKey = "IdentityContainment.Repeatable";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Buffer the body once so every attempt sends the same bytes (a retried password reset must send the same password).
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        bool repeatable = IsRepeatable(request);

        HttpRequestMessage attemptRequest = request;
        for (int attempt = 1; ; attempt++)
        {
            RetryAttempt.Set(attemptRequest, attempt);
            HttpResponseMessage response = await base.SendAsync(attemptRequest, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (!_policy.ShouldRetry(status, repeatable, attempt))
            {
                return response;
            }

            TimeSpan delay = _policy.DelayFor(RetryPolicy.RetryAfterHeader(response.Headers), attempt);
            _statistics.CountRetry();
            GraphActivity.Current?.OnRetry(request.Method.Method, GraphPaths.Describe(request.RequestUri!, _graphEndpoint), status, delay, attempt + 1);
            response.Dispose();
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            attemptRequest = Clone(request, body);
        }
    }

    private static bool IsRepeatable(HttpRequestMessage request)
    {
        if (request.Method != HttpMethod.Post)
        {
            return true;
        }

        return RequestMarks.Get(request, RepeatableKey, false);
    }

    private static HttpRequestMessage Clone(HttpRequestMessage original, byte[]? body)
    {
        var clone = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
        foreach (KeyValuePair<string, IEnumerable<string>> header in original.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (KeyValuePair<string, IEnumerable<string>> header in original.Content!.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        RequestMarks.CopyAll(original, clone);
        return clone;
    }
}
