using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>A user's registered devices as read: the whole list, or, when any page of it failed, Graph's answer and no list.</summary>
internal sealed record UserDevices(ContainmentUser User, IReadOnlyList<RegisteredDevice>? Devices, GraphBatchResult? Failure)
{
    public bool ReadFailed => Devices is null;
}
