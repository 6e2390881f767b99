using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Containment;

/// <summary>
/// Disables the devices registered to users since the compromise began: an attacker who registers a device gets a
/// primary refresh token that outlives the user's password. Devices registered before then are the user's own and
/// are left alone.
/// </summary>
internal sealed class DeviceDisabler
{
    private const string DeviceSelect = "id,deviceId,displayName,operatingSystem,registrationDateTime,accountEnabled";

    private readonly GraphConnection _connection;

    public DeviceDisabler(GraphConnection connection) => _connection = connection;

    public async Task DisableAsync(IReadOnlyList<ContainmentUser> users, DateTimeOffset since, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return;
        }

        // The whole of each user's list before any decision: a device on a page Graph did not give would be missed.
        ListRead<ContainmentUser>[] listing = users.Select(u => new ListRead<ContainmentUser>(u, ListRequest.For($"/users/{u.Id}/registeredDevices", DeviceSelect).Url)).ToArray();
        IReadOnlyList<WholeList<ContainmentUser>> lists = await _connection.Batch.ReadWholeListsAsync(listing, cancellationToken).ConfigureAwait(false);

        var targets = new List<(ContainmentUser User, JsonNode Device)>();
        foreach (WholeList<ContainmentUser> list in lists)
        {
            ContainmentUser user = list.List;
            if (!list.IsComplete)
            {
                results.Failed(list.Outcome.Error is { } error
                    ? GraphErrorTranslator.Translate(error, GraphOperation.ListDevices, user.UserPrincipalName ?? user.Id)
                    : GraphErrorTranslator.Unexpected(list.Outcome.Unanswered!, GraphOperation.ListDevices, user.UserPrincipalName ?? user.Id));
                continue;
            }

            foreach (JsonNode device in list.Items)
            {
                if (GraphJson.Time(device, "registrationDateTime") is not { } registered)
                {
                    // Graph hides a device's properties from a caller without Device.Read.All: never guess its age.
                    results.Warn($"A device of {user.UserPrincipalName} ({GraphJson.Text(device, "id")}) came back without its registration date, so it was not judged and not disabled. Grant Device.Read.All, or check the user's devices in the Entra admin center.");
                }
                else if (registered >= since && GraphJson.Flag(device, "accountEnabled") != false)
                {
                    targets.Add((user, device));
                }
            }
        }

        foreach (var batch in targets.InChunksOf(GraphBatchClient.MaxItemsPerBatch))
        {
            GraphBatchItem[] patches = GraphBatchItem.InOrder(batch.Select(t => new GraphBatchItem("PATCH", $"/devices/{GraphJson.Text(t.Device, "id")}", new JsonObject { ["accountEnabled"] = false })));
            IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendAsync(patches, cancellationToken).ConfigureAwait(false);
            DateTimeOffset answeredAt = DateTimeOffset.UtcNow;
            for (int i = 0; i < batch.Count; i++)
            {
                (ContainmentUser user, JsonNode device) = batch[i];
                string description = $"{GraphJson.Text(device, "displayName")} ({GraphJson.Text(device, "operatingSystem")}, registered {GraphJson.Time(device, "registrationDateTime")?.UtcDateTime:yyyy-MM-dd HH:mm}Z)";
                string message = answers[i].IsSuccess ? description : results.FailedWith(Explain(answers[i], description));

                results.Succeeded(new ContainmentAction
                {
                    UserId = user.Id,
                    UserPrincipalName = user.UserPrincipalName,
                    Action = ContainmentActions.DisableDevice,
                    Target = GraphJson.Text(device, "id"),
                    Status = answers[i].IsSuccess ? ContainmentActionStatus.Succeeded : ContainmentActionStatus.Failed,
                    Timestamp = answeredAt,
                    AccountEnabled = answers[i].IsSuccess ? false : null,
                    RequestId = answers[i].RequestId,
                    Message = message,
                });
            }
        }
    }

    private ContainmentException Explain(GraphBatchResult answer, string device)
    {
        if (answer.Status == 403 && _connection.Context.PermissionType == "Application")
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
