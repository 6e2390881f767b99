using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>A user's registered devices as read: the whole list, or, when any page of it failed, how the list ended and no list.</summary>
internal sealed record UserDevices(ContainmentUser User, IReadOnlyList<RegisteredDevice>? Devices, ListOutcome? Failure)
{
    public bool ReadFailed => Devices is null;
}
