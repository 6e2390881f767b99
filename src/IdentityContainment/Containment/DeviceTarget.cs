namespace IdentityContainment.Containment;

/// <summary>A device chosen to be disabled, with the user it is registered to.</summary>
internal sealed record DeviceTarget(ContainmentUser User, RegisteredDevice Device);
