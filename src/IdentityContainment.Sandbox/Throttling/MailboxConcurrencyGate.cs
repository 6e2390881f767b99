namespace IdentityContainment.Sandbox;

/// <summary>
/// Outlook's concurrency limit: 4 requests in flight per app ID and mailbox (throttling-limits.md, CONTRACT §12/§13).
/// A request holds its place from arrival until its answer, injected latency included; a fifth one is refused with the
/// 429 Graph was observed to send ("Application is over its MailboxConcurrency limit.", examples/06-outlook-
/// mailboxconcurrency-429.response.OBSERVED.json). Whether that 429 carries a Retry-After is not documented, so the
/// sandbox sends none and the client must fall back to backing off.
/// </summary>
internal sealed class MailboxConcurrencyGate(ThrottlingOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes a place for the app on the mailbox; false when the mailbox already has its limit in flight.</summary>
    public bool TryEnter(string appId, string mailbox)
    {
        if (!options.Enabled)
            return true;
        var key = $"{appId}/{mailbox}";
        lock (_gate)
        {
            var inFlight = _inFlight.GetValueOrDefault(key);
            if (inFlight >= options.OutlookConcurrentRequestsPerMailbox)
                return false;
            _inFlight[key] = inFlight + 1;
            return true;
        }
    }

    public void Exit(string appId, string mailbox)
    {
        var key = $"{appId}/{mailbox}";
        lock (_gate)
        {
            if (!_inFlight.TryGetValue(key, out var inFlight))
                return;
            if (inFlight <= 1)
                _inFlight.Remove(key);
            else
                _inFlight[key] = inFlight - 1;
        }
    }

    public static GraphResponse Refused() =>
        GraphResponse.Error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", RequestOutcome.Throttled);
}
