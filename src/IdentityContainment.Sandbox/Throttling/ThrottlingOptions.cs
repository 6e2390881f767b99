namespace IdentityContainment.Sandbox;

/// <summary>
/// Graph's throttling budgets (CONTRACT §13). Live-tunable: every request reads the current values, so
/// a test can shrink the quotas and windows to see throttling in milliseconds instead of minutes.
/// </summary>
public sealed class ThrottlingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Identity writes allowed per app and tenant in each <see cref="WriteWindow"/>.</summary>
    public int WriteQuota { get; set; } = 3000;
    public TimeSpan WriteWindow { get; set; } = TimeSpan.FromSeconds(150);

    /// <summary>Null: by tenant size (3,500 / 5,000 / 8,000 for S / M / L).</summary>
    public int? ResourceUnitQuota { get; set; }
    public TimeSpan ResourceUnitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Identity Protection and Conditional Access: requests per second per tenant; their 429s carry no Retry-After.</summary>
    public int IdentityProtectionRequestsPerSecond { get; set; } = 1;

    /// <summary>Identity and access reports (sign-ins, audits): requests per app and tenant per window.</summary>
    public int ReportsQuota { get; set; } = 5;
    public TimeSpan ReportsWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Outlook: requests in flight at once per app and mailbox (Graph's limit is 4).</summary>
    public int OutlookConcurrentRequestsPerMailbox { get; set; } = 4;

    /// <summary>Outlook: requests per app and mailbox in each <see cref="OutlookWindow"/> (Graph's limit is 10,000 per 10 minutes).</summary>
    public int OutlookRequestsPerMailbox { get; set; } = 10_000;
    public TimeSpan OutlookWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Key Vault: secret transactions per vault in each <see cref="KeyVaultWindow"/> (Azure's limit is 4,000 per 10 s).</summary>
    public int KeyVaultQuota { get; set; } = 4000;
    public TimeSpan KeyVaultWindow { get; set; } = TimeSpan.FromSeconds(10);

    public int ResourceUnitQuotaFor(TenantSize size) => ResourceUnitQuota ?? size switch
    {
        TenantSize.Small => 3500,
        TenantSize.Medium => 5000,
        _ => 8000,
    };
}
