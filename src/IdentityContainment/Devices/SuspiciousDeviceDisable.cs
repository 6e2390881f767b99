using IdentityContainment.Connection;
using IdentityContainment.Containment;
using IdentityContainment.Evidence;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Devices;

/// <summary>
/// Disables the devices findings name, and nothing else. Each device is read again first (GET /devices/{id}): the
/// action carries it as Graph held it just before (the before-image), a device already disabled or gone is Skipped, and
/// what Graph would refuse is judged on its operating system as Graph now has it, not as the finding says. The writes
/// are the ones Revoke-CompromisedSession -DisableDevice sends (<see cref="DeviceDisabler"/>).
/// </summary>
public sealed class SuspiciousDeviceDisable
{
    private readonly GraphConnection _connection;

    public SuspiciousDeviceDisable(GraphConnection connection) => _connection = connection;

    public async Task DisableAsync(IReadOnlyList<DeviceFinding> findings, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        IResultSink<ContainmentAction> sink = JournaledResults<ContainmentAction>.Around(results, _connection.Journal);
        DeviceFinding[] distinct = findings.GroupBy(f => f.DeviceObjectId, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToArray();
        IReadOnlyList<GraphBatchResult> reads = await _connection.Batch.SendEachAsync(
            distinct.Select(f => new GraphBatchItem("GET", ListRequest.WithOption($"/devices/{f.DeviceObjectId}", "$select", DeviceJson.FactsSelect))),
            cancellationToken).ConfigureAwait(false);

        var targets = new List<DeviceTarget>();
        for (int i = 0; i < distinct.Length; i++)
        {
            DeviceFinding finding = distinct[i];
            GraphBatchResult read = reads[i];
            var user = new ContainmentUser { Id = finding.UserId, UserPrincipalName = finding.UserPrincipalName };
            if (read.IsSuccess && read.Body is { } body)
            {
                var target = new DeviceTarget(user, DeviceJson.Registered(body)) { BeforeImage = DeviceJson.Image(body) };
                if (target.Device.AccountEnabled == false)
                {
                    sink.Succeeded(DeviceDisableDecision.Unsent(target, ContainmentActionStatus.Skipped, $"{target.Device.Description} is already disabled: nothing was changed.", read.RequestId));
                }
                else
                {
                    targets.Add(target);
                }

                continue;
            }

            var named = new DeviceTarget(user, new RegisteredDevice(finding.DeviceObjectId, finding.DeviceId, finding.DisplayName, finding.OperatingSystem, finding.RegistrationDateTime, null));
            if (read.Status == 404)
            {
                sink.Succeeded(DeviceDisableDecision.Unsent(named, ContainmentActionStatus.Skipped, $"{named.Device.Description} is gone from the directory: nothing was changed.", read.RequestId));
                continue;
            }

            string message = sink.FailedWith(GraphErrorTranslator.Translate(read.Error, GraphOperation.ReadDevice, named.Device.Description));
            sink.Succeeded(DeviceDisableDecision.Unsent(named, ContainmentActionStatus.Failed, message, read.RequestId));
        }

        await new DeviceDisabler(_connection).DisableAsync(targets, sink, cancellationToken).ConfigureAwait(false);
    }
}
