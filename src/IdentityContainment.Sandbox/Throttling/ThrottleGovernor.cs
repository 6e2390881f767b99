using System.Globalization;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Keeps every app+tenant budget and decides, per request (and per $batch item), whether it runs or
/// gets a 429. One lock for all buckets: a decision is a few arithmetic operations, so contention is
/// negligible, and concurrent batches can never overspend a budget.
/// </summary>
internal sealed class ThrottleGovernor(ThrottlingOptions options, TenantState tenant)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.OrdinalIgnoreCase);

    public ThrottlingOptions Options => options;

    /// <param name="mailbox">For <see cref="ThrottleClass.Outlook"/>: the mailbox the request is counted on.</param>
    public ThrottleDecision Decide(ThrottleClass throttleClass, string appId, int resourceUnits, bool isWrite, string? mailbox = null)
    {
        if (!options.Enabled || throttleClass == ThrottleClass.None)
            return ThrottleDecision.Unmetered;
        var now = tenant.Clock.GetUtcNow();
        lock (_gate)
        {
            return throttleClass switch
            {
                ThrottleClass.IdentityAndAccess => IdentityAndAccess(appId, resourceUnits, isWrite, now),
                ThrottleClass.IdentityProtection => RateLimited($"ip/{tenant.TenantId}", options.IdentityProtectionRequestsPerSecond, TimeSpan.FromSeconds(1), now,
                    scope: $"Tenant/IdentityProtection/{tenant.TenantId}", sendRetryAfter: false),
                // Graph's generic 429 (CONTRACT §13, examples/13-throttled-429) with a Retry-After; x-ms-throttle-scope is
                // documented for the identity limits only, so none is sent here.
                ThrottleClass.Outlook => RateLimited($"outlook/{appId}/{mailbox}", options.OutlookRequestsPerMailbox, options.OutlookWindow, now,
                    scope: null, sendRetryAfter: true),
                _ => RateLimited($"reports/{appId}", options.ReportsQuota, options.ReportsWindow, now,
                    scope: $"Tenant_Application/Reports/{appId}/{tenant.TenantId}", sendRetryAfter: true),
            };
        }
    }

    /// <summary>Key Vault's service limit: transactions per vault (not per caller), with a Retry-After.</summary>
    public ThrottleDecision DecideKeyVault(string vaultName)
    {
        if (!options.Enabled)
            return ThrottleDecision.Unmetered;
        var now = tenant.Clock.GetUtcNow();
        lock (_gate)
            return RateLimited($"kv/{vaultName}", options.KeyVaultQuota, options.KeyVaultWindow, now,
                scope: $"KeyVault/{vaultName}", sendRetryAfter: true);
    }

    private ThrottleDecision IdentityAndAccess(string appId, int units, bool isWrite, DateTimeOffset now)
    {
        var scope = $"Tenant_Application/ReadWrite/{appId}/{tenant.TenantId}";
        var resourceUnits = Bucket($"ru/{appId}", options.ResourceUnitQuotaFor(tenant.Size), options.ResourceUnitWindow, now);
        var writes = Bucket($"write/{appId}", options.WriteQuota, options.WriteWindow, now);
        if (isWrite && !writes.Has(1))
            return Throttled(scope, "WriteLimitExceeded", writes.TimeUntil(1, options.WriteWindow));
        if (!resourceUnits.Has(units))
            return Throttled(scope, "ResourceUnitLimitExceeded", resourceUnits.TimeUntil(units, options.ResourceUnitWindow));
        resourceUnits.Take(units);
        if (isWrite)
            writes.Take(1);
        return new ThrottleDecision
        {
            Allowed = true,
            ResourceUnits = units,
            LimitPercentage = Math.Max(resourceUnits.UsedFraction, isWrite ? writes.UsedFraction : 0),
        };
    }

    private ThrottleDecision RateLimited(string key, int quota, TimeSpan window, DateTimeOffset now, string? scope, bool sendRetryAfter)
    {
        var bucket = Bucket(key, quota, window, now);
        if (!bucket.Has(1))
        {
            var wait = bucket.TimeUntil(1, window);
            return Throttled(scope, "RequestLimitExceeded", sendRetryAfter ? wait : null);
        }
        bucket.Take(1);
        return new ThrottleDecision { Allowed = true };
    }

    private TokenBucket Bucket(string key, int quota, TimeSpan window, DateTimeOffset now)
    {
        var capacity = Math.Max(1, quota);
        if (!_buckets.TryGetValue(key, out var bucket))
            _buckets[key] = bucket = new TokenBucket(capacity, now);
        bucket.Refill(capacity, window, now);
        return bucket;
    }

    private static ThrottleDecision Throttled(string? scope, string information, TimeSpan? retryAfter) => new()
    {
        Allowed = false,
        Scope = scope,
        Information = information,
        RetryAfter = retryAfter,
    };

    /// <summary>
    /// Whole seconds, rounded up: always honest (the unit is back by then) and parseable by every
    /// client, where a fractional value is not (HttpClient's RetryAfter ignores it).
    /// </summary>
    public static string FormatRetryAfter(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
