namespace IdentityContainment.SignIns;

/// <summary>What a sign-in hunt reports and how it asks the log.</summary>
public sealed record SignInHuntOptions
{
    /// <summary>-IncludeNonSuspicious: every sign-in of the window, not only those a rule fired on.</summary>
    public bool IncludeNonSuspicious { get; init; }

    public SignInQueryShape Shape { get; init; } = SignInQueryShape.PerUser;

    /// <summary>
    /// Device registration times per user id, from the directory audit log or the devices' registrationDateTime: the hook
    /// for the device-code rule when the registration is not in the sign-in log. Null when the caller has none.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>>? DeviceRegistrations { get; init; }
}
