using IdentityContainment.Connection;
using IdentityContainment.Containment;
using IdentityContainment.Detection.Devices;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Devices;

/// <summary>
/// Finds the devices that keep an attacker signed in after the password is reset: each user's registered and owned
/// devices, read once each and merged (<see cref="UserDevicesReader"/>), judged by the device table. What
/// Get-SuspiciousDevice runs; a user whose lists could not be read is reported and the others go on.
/// </summary>
public sealed class DeviceHunt
{
    private readonly GraphConnection _connection;
    private readonly DeviceHuntOptions _options;

    public DeviceHunt(GraphConnection connection, DeviceHuntOptions options)
    {
        _connection = connection;
        _options = options;
    }

    /// <summary>The devices of a batch of users (already read, so their names are known).</summary>
    public async Task HuntUsersAsync(IReadOnlyList<ContainmentUser> users, IResultSink<DeviceFinding> results, CancellationToken cancellationToken)
    {
        foreach (UserDeviceFacts listing in await new UserDevicesReader(_connection).ReadFactsAsync(users, cancellationToken).ConfigureAwait(false))
        {
            if (listing.Devices is null)
            {
                results.Failed(GraphErrorTranslator.Translate(listing.Failure!, GraphOperation.ListDevices, listing.User.UserPrincipalName ?? listing.User.Id));
                continue;
            }

            foreach (DeviceFacts device in listing.Devices)
            {
                if (DeviceJudge.Judge(device, _options.Criteria, _options.IncludeNonSuspicious) is { } finding
                    && (finding.IsAtLeast(_options.MinimumRisk) || finding.Level == Detection.RiskLevel.None))
                {
                    results.Succeeded(finding);
                }
            }

            // Graph hides a device's properties from a caller without Device.Read.All: say so once per user, not per device.
            int hidden = listing.Devices.Count(d => d.RegistrationDateTime is null && d.TrustType is null && d.DisplayName is null);
            if (hidden > 0)
            {
                results.Warn($"{hidden} device(s) of {listing.User.UserPrincipalName ?? listing.User.Id} came back with their id only, so they could not be judged. Grant Device.Read.All (or Directory.Read.All) and run again.");
            }
        }
    }
}
