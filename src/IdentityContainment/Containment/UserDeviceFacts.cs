using IdentityContainment.Detection.Devices;
using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>A user's registered and owned devices merged, as read: all of them, or, when a page of either list failed, how it ended and no list.</summary>
internal sealed record UserDeviceFacts(ContainmentUser User, IReadOnlyList<DeviceFacts>? Devices, ListOutcome? Failure);
