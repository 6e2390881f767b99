namespace IdentityContainment.Sandbox;

/// <summary>The Graph answers for throttling and injected faults.</summary>
internal static class FaultResponses
{
    /// <summary>A 429 in the shape of examples/13-throttled-429 with Graph's throttle headers.</summary>
    public static GraphResponse Throttled(ThrottleDecision decision)
    {
        var response = TooManyRequests(decision.RetryAfter, RequestOutcome.Throttled);
        if (decision.Scope is not null)
            response.Headers["x-ms-throttle-scope"] = decision.Scope;
        if (decision.Information is not null)
            response.Headers["x-ms-throttle-information"] = decision.Information;
        return response;
    }

    public static GraphResponse For(FaultRule fault)
    {
        var response = fault.Action switch
        {
            FaultAction.TooManyRequests => TooManyRequests(null, RequestOutcome.Faulted),
            FaultAction.ServiceUnavailable => GraphResponse.Error(503, "serviceNotAvailable",
                "The service is temporarily unavailable. Please retry later.", RequestOutcome.Faulted),
            _ => GraphResponse.Error(500, "generalException", "An unspecified error has occurred.", RequestOutcome.Faulted),
        };
        if (fault.RetryAfter is { } wait)
            response.Headers["Retry-After"] = ThrottleGovernor.FormatRetryAfter(wait);
        return response;
    }

    private static GraphResponse TooManyRequests(TimeSpan? retryAfter, RequestOutcome outcome)
    {
        // The router fills innerError in the throttling shape (code, date, message, request-id, status).
        var response = GraphResponse.Error(429, "TooManyRequests", "Please retry again later.", outcome);
        if (retryAfter is { } wait)
            response.Headers["Retry-After"] = ThrottleGovernor.FormatRetryAfter(wait);
        return response;
    }
}
