namespace IdentityContainment.Sandbox;

/// <summary>Whether a request may proceed, and the headers that say how much of the budget it used.</summary>
internal sealed record ThrottleDecision
{
    public static readonly ThrottleDecision Unmetered = new() { Allowed = true };

    public required bool Allowed { get; init; }

    /// <summary>Null on a 429 that, like Identity Protection's, gives no Retry-After.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>x-ms-throttle-scope, e.g. Tenant_Application/ReadWrite/{appId}/{tenantId}.</summary>
    public string? Scope { get; init; }

    /// <summary>x-ms-throttle-information: WriteLimitExceeded or ResourceUnitLimitExceeded.</summary>
    public string? Information { get; init; }

    /// <summary>The request's cost, for x-ms-resource-unit (identity and access only).</summary>
    public int? ResourceUnits { get; init; }

    /// <summary>Used share of the budget, sent as x-ms-throttle-limit-percentage when above 0.8.</summary>
    public double? LimitPercentage { get; init; }
}
