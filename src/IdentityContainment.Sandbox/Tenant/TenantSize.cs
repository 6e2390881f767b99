namespace IdentityContainment.Sandbox;

/// <summary>Graph's identity throttling buckets by tenant size (CONTRACT §13).</summary>
public enum TenantSize
{
    /// <summary>Fewer than 50 users.</summary>
    Small,

    /// <summary>50 to 500 users.</summary>
    Medium,

    /// <summary>More than 500 users.</summary>
    Large,
}

public static class TenantSizes
{
    public static TenantSize FromUserCount(int users) => users switch
    {
        < 50 => TenantSize.Small,
        <= 500 => TenantSize.Medium,
        _ => TenantSize.Large,
    };
}
