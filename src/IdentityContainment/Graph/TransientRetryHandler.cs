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
            HttpResponseMessage? response = null;
            Exception? unanswered = null;
            try
            {
                response = await SendAttemptAsync(attemptRequest, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or TimeoutException)
            {
                if (!_policy.ShouldRetryUnanswered(repeatable, attempt))
                {
                    throw ex is OperationCanceledException ? Timeout(attemptRequest, ex) : ex;
                }

                unanswered = ex;
            }

            int status = response is null ? 0 : (int)response.StatusCode;
            if (response is not null && !_policy.ShouldRetry(status, repeatable, attempt))
            {
                return response;
            }

            TimeSpan delay = _policy.DelayFor(response is null ? null : RetryPolicy.RetryAfterHeader(response.Headers), attempt);
            _statistics.CountRetry();
            GraphActivity.Current?.OnRetry(request.Method.Method, GraphPaths.Describe(request.RequestUri!, _graphEndpoint), status, delay, attempt + 1, unanswered?.GetType().Name);
            response?.Dispose();
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            attemptRequest = Clone(request, body);
        }
    }

    /// <summary>One attempt, its answer read in full, within the policy's attempt timeout.</summary>
    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_policy.AttemptTimeout);
        HttpResponseMessage response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
        try
        {
            // Read the body here, inside the timeout: a server that stalls mid-answer is a failed attempt too.
            using (timeout.Token.Register(response.Dispose))
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }

            return response;
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            throw Timeout(request, ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private TimeoutException Timeout(HttpRequestMessage request, Exception inner) =>
        new($"Graph did not answer {request.Method} {GraphPaths.Describe(request.RequestUri!, _graphEndpoint)} within {_policy.AttemptTimeout.TotalSeconds:0} s.", inner);

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
