namespace IdentityContainment.Sandbox;

/// <summary>
/// Outlook's concurrency limit: 4 requests in flight per app ID and mailbox (throttling-limits.md, CONTRACT §12/§13).
/// A request holds its place from arrival until its answer, injected latency included; a fifth one is refused with the
/// 429 Graph was observed to send ("Application is over its MailboxConcurrency limit.", examples/06-outlook-
/// mailboxconcurrency-429.response.OBSERVED.json). It carries a Retry-After of one second: throttling.md says a throttled
/// request gets "a suggested wait time ... in the response header of the failed request", and a batch item its own
/// Retry-After (CONTRACT §12). One second is the smallest whole value; a place frees as soon as one answer is sent.
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

    public static GraphResponse Refused()
    {
        var refused = GraphResponse.Error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", RequestOutcome.Throttled);
        refused.Headers["Retry-After"] = "1";
        return refused;
    }
}
