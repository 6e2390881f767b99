namespace IdentityContainment.Detection.Devices;

/// <summary>A device and what it is judged against: the subject of the device rule table.</summary>
public sealed record DeviceUnderReview(DeviceFacts Device, DeviceReviewCriteria Criteria)
{
    /// <summary>Registered at or after the compromise start (the same comparison Revoke-CompromisedSession -DisableDevice makes).</summary>
    public bool RegisteredSinceCompromise =>
        Criteria.Since is { } since && Device.RegistrationDateTime is { } registered && registered >= since;

    /// <summary>The registration time cannot place the device before the compromise: no date, and a compromise start to compare with.</summary>
    public bool RegistrationTimeUnknown => Criteria.Since is not null && Device.RegistrationDateTime is null;

    /// <summary>Entra registered (trustType Workplace), as a personal device or an attacker's machine is, rather than joined.</summary>
    public bool WorkplaceRegistered => string.Equals(Device.TrustType, "Workplace", StringComparison.OrdinalIgnoreCase);

    /// <summary>Graph says no MDM manages it (unknown is not unmanaged).</summary>
    public bool Unmanaged => Device.IsManaged == false;

    /// <summary>Graph says it fails its MDM's compliance policy (no MDM report is not non-compliance).</summary>
    public bool NonCompliant => Device.IsCompliant == false;

    /// <summary>A sign-in the sign-in analysis flagged came from it.</summary>
    public bool UsedInSuspiciousSignIn => Criteria.SignedInSuspiciously(Device.DeviceId);

    public override string ToString() => $"{Device.DisplayName ?? Device.Id} of {Device.UserPrincipalName ?? Device.UserId}";
}
