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

    /// <summary>The row for one device Graph answered: Succeeded with the device disabled, or Failed with what to do.</summary>
    public static RecordedResults<ContainmentAction> Answered(DeviceTarget target, GraphBatchResult answer, DateTimeOffset answeredAt, ContainmentContext context)
    {
        var report = new RecordedResults<ContainmentAction>();
        string description = target.Device.Description;
        string message = answer.IsSuccess ? description : report.FailedWith(Explain(answer, description, context));
        report.Succeeded(new ContainmentAction
        {
            UserId = target.User.Id,
            UserPrincipalName = target.User.UserPrincipalName,
            Action = ContainmentActions.DisableDevice,
            Target = target.Device.Id,
            Status = answer.IsSuccess ? ContainmentActionStatus.Succeeded : ContainmentActionStatus.Failed,
            Timestamp = answeredAt,
            AccountEnabled = answer.IsSuccess ? false : null,
            RequestId = answer.RequestId,
            Message = message,
        });
        return report;
    }

    private static ContainmentException Explain(GraphBatchResult answer, string device, ContainmentContext context)
    {
        if (answer.Status == 403 && context.PermissionType == "Application")
        {
            return new ContainmentException(
                ContainmentErrorKind.PermissionDenied,
                "DeviceDisableDenied",
                $"Graph refused to disable {device}. An app may disable only Windows devices; for other devices sign in as a Cloud Device Administrator (delegated, Directory.AccessAsUser.All) or disable it in the Entra admin center. Otherwise grant Device.ReadWrite.All. Graph said: {answer.Error.Message}",
                device)
            { RequestId = answer.RequestId };
        }

        return GraphErrorTranslator.Translate(answer.Error, GraphOperation.DisableDevice, device);
    }
}
