using IdentityContainment.Errors;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Containment;

/// <summary>
/// Which of the users' devices to disable, and what to report about them: pure, from the lists read and Graph's answers,
/// so verification can ask the same question of the devices it reads without disabling anything.
/// </summary>
internal static class DeviceDisableDecision
{
    /// <summary>
    /// The enabled devices registered since the compromise began; a device without a registration date is reported,
    /// never judged; a user whose list could not be read is reported with Graph's error.
    /// </summary>
    public static (IReadOnlyList<DeviceTarget> ToDisable, RecordedResults<ContainmentAction> Report) Choose(IReadOnlyList<UserDevices> listings, DateTimeOffset since)
    {
        var report = new RecordedResults<ContainmentAction>();
        var targets = new List<DeviceTarget>();
        foreach (UserDevices listing in listings)
        {
            ContainmentUser user = listing.User;
            if (listing.Devices is null)
            {
                report.Failed(GraphErrorTranslator.Translate(listing.Failure!, GraphOperation.ListDevices, user.UserPrincipalName ?? user.Id));
                continue;
            }

            foreach (RegisteredDevice device in listing.Devices)
            {
                if (device.RegistrationDateTime is not { } registered)
                {
                    // Graph hides a device's properties from a caller without Device.Read.All: never guess its age.
                    report.Warn($"A device of {user.UserPrincipalName} ({device.Id}) came back without its registration date, so it was not judged and not disabled. Grant Device.Read.All, or check the user's devices in the Entra admin center.");
                }
                else if (IsSinceCompromise(registered, since) && device.AccountEnabled != false)
                {
                    targets.Add(new DeviceTarget(user, device));
                }
            }
        }

        return (targets, report);
    }

    /// <summary>A device registered at or after the moment the compromise began is the attacker's to suspect.</summary>
    public static bool IsSinceCompromise(DateTimeOffset registered, DateTimeOffset since) => registered >= since;

    /// <summary>
    /// Sets aside, before anything is sent, the devices Graph would refuse (<see cref="DeviceDisableRefusals"/>): each
    /// is an error and a Failed row, and the others go on to be written.
    /// </summary>
    public static (IReadOnlyList<DeviceTarget> ToSend, RecordedResults<ContainmentAction> Report) Screen(IReadOnlyList<DeviceTarget> targets, ContainmentContext context)
    {
        var report = new RecordedResults<ContainmentAction>();
        var toSend = new List<DeviceTarget>();
        foreach (DeviceTarget target in targets)
        {
            if (DeviceDisableRefusals.BeforeSending(context, target.Device) is { } refusal)
            {
                report.Succeeded(Row(target, ContainmentActionStatus.Failed, report.FailedWith(refusal), DateTimeOffset.UtcNow, null, null));
            }
            else
            {
                toSend.Add(target);
            }
        }

        return (toSend, report);
    }

    /// <summary>
    /// The row for a device no write was sent for: Skipped (already disabled, gone) or Failed (it could not be read),
    /// with why.
    /// </summary>
    public static ContainmentAction Unsent(DeviceTarget target, string status, string why, string? requestId) =>
        Row(target, status, why, DateTimeOffset.UtcNow, requestId, null);

    /// <summary>The row for one device Graph answered: Succeeded with the device disabled, or Failed with what to do.</summary>
    public static RecordedResults<ContainmentAction> Answered(DeviceTarget target, GraphBatchResult answer, DateTimeOffset answeredAt, ContainmentContext context)
    {
        var report = new RecordedResults<ContainmentAction>();
        string message = answer.IsSuccess ? target.Device.Description : report.FailedWith(Explain(answer, target.Device.Description, context));
        report.Succeeded(Row(target, answer.IsSuccess ? ContainmentActionStatus.Succeeded : ContainmentActionStatus.Failed, message, answeredAt, answer.RequestId, answer.IsSuccess ? false : null));
        return report;
    }

    private static ContainmentAction Row(DeviceTarget target, string status, string message, DateTimeOffset at, string? requestId, bool? accountEnabled) => new()
    {
        UserId = target.User.Id,
        UserPrincipalName = target.User.UserPrincipalName,
        Action = ContainmentActions.DisableDevice,
        Target = target.Device.Id,
        Status = status,
        Timestamp = at,
        AccountEnabled = accountEnabled,
        RequestId = requestId,
        Message = message,

        // What was changed, as Graph held it just before; nothing was changed when the write did not succeed.
        BeforeImage = status == ContainmentActionStatus.Succeeded ? target.BeforeImage : null,
    };

    private static ContainmentException Explain(GraphBatchResult answer, string device, ContainmentContext context) =>
        answer.Status == 403 && context.PermissionType == "Application"
            ? DeviceDisableRefusals.AppRefused(answer, device)
            : GraphErrorTranslator.Translate(answer.Error, GraphOperation.DisableDevice, device);
}
