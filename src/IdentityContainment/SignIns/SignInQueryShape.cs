namespace IdentityContainment.SignIns;

/// <summary>How the sign-in log is asked for many users (see <see cref="SignInReader"/>'s remarks for the cost of each).</summary>
public enum SignInQueryShape
{
    /// <summary>A query per user: cheapest when the users are a few of the tenant's.</summary>
    PerUser,

    /// <summary>One query over the time range for everyone, kept for the users asked about: cheapest for most of the tenant.</summary>
    TimeRange,
}
