namespace IdentityContainment.Containment;

/// <summary>A device chosen to be disabled, with the user it is registered to.</summary>
internal sealed record DeviceTarget(ContainmentUser User, RegisteredDevice Device)
{
    /// <summary>The device as Graph held it just before the write (JSON), when it was read for the evidence.</summary>
    public string? BeforeImage { get; init; }
}
