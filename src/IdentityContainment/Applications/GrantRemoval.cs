using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Evidence;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Applications;

/// <summary>
/// Removes what findings name, surgically: the delegated grant or the app role assignment the finding is about, nothing
/// else of the app or the user. A delegated grant is read again first, so the action carries it as Graph held it (the
/// before-image a restore recreates) and a grant already gone is reported as such, not as a failure. With the option
/// set, the app itself is disabled, once per run. One engine per run of the cmdlet.
/// </summary>
public sealed class GrantRemoval
{
    private readonly GraphConnection _connection;
    private readonly GrantRemovalOptions _options;
    private readonly ConcurrentDictionary<string, bool> _disabledApps = new(StringComparer.OrdinalIgnoreCase);

    public GrantRemoval(GraphConnection connection, GrantRemovalOptions options)
    {
        _connection = connection;
        _options = options;
    }

    public async Task RemoveAsync(IReadOnlyList<OAuthGrantFinding> findings, IResultSink<ContainmentAction> sink, CancellationToken cancellationToken)
    {
        IResultSink<ContainmentAction> results = JournaledResults<ContainmentAction>.Around(sink, _connection.Journal);
        var removable = new List<OAuthGrantFinding>();
        foreach (OAuthGrantFinding finding in findings)
        {
            if (finding.ConsentType == "AllPrincipals" && !_options.AllowTenantWide)
            {
                results.Failed(new ContainmentException(
                    ContainmentErrorKind.InvalidArgument,
                    "TenantWideGrantNeedsForce",
                    $"The grant {finding.GrantId} to {finding.AppDisplayName} was consented for every user in the tenant (AllPrincipals): removing it takes the app away from everyone, not only the compromised users. It was left in place; run again with -Force to remove it.",
                    finding.GrantId));
                continue;
            }

            removable.Add(finding);
        }

        IReadOnlyDictionary<string, GraphBatchResult> before = await ReadDelegatedGrantsAsync(removable.Where(IsDelegated).Select(f => f.GrantId), cancellationToken).ConfigureAwait(false);
        var toDelete = new List<(OAuthGrantFinding Finding, string BeforeImage)>();
        foreach (OAuthGrantFinding finding in removable)
        {
            if (!IsDelegated(finding))
            {
                toDelete.Add((finding, AssignmentImage(finding)));
            }
            else if (before[finding.GrantId].IsSuccess)
            {
                toDelete.Add((finding, before[finding.GrantId].Body!.ToJsonString()));
            }
            else if (before[finding.GrantId].Status == 404)
            {
                results.Succeeded(Row(finding, ContainmentActionStatus.Skipped, "The grant is already gone: nothing was removed.", null, null));
            }
            else
            {
                results.Failed(GraphErrorTranslator.Translate(before[finding.GrantId].Error, GraphOperation.ListGrants, finding.GrantId));
            }
        }

        foreach (List<(OAuthGrantFinding Finding, string BeforeImage)> chunk in toDelete.InChunksOf(GraphBatchClient.MaxItemsPerBatch))
        {
            IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendAsync(GraphBatchItem.InOrder(chunk.Select(d => new GraphBatchItem("DELETE", DeletePath(d.Finding)))), cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < chunk.Count; i++)
            {
                (OAuthGrantFinding finding, string image) = chunk[i];
                GraphBatchResult answer = answers[i];
                if (answer.IsSuccess)
                {
                    results.Succeeded(Row(finding, ContainmentActionStatus.Succeeded, $"Removed {string.Join(", ", finding.Scopes)} from {finding.AppDisplayName}.", image, answer.RequestId));
                }
                else if (answer.Status == 404)
                {
                    results.Succeeded(Row(finding, ContainmentActionStatus.Skipped, "The grant was already gone: nothing was removed.", null, answer.RequestId));
                }
                else
                {
                    string message = results.FailedWith(GraphErrorTranslator.Translate(answer.Error, IsDelegated(finding) ? GraphOperation.RemoveGrant : GraphOperation.RemoveAppRoleAssignment, finding.GrantId));
                    results.Succeeded(Row(finding, ContainmentActionStatus.Failed, message, null, answer.RequestId));
                }
            }
        }

        if (_options.DisableServicePrincipal)
        {
            await DisableAppsAsync(findings.Where(f => f.ConsentType != "AllPrincipals" || _options.AllowTenantWide), results, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Each app once per run, whichever findings name it.</summary>
    private async Task DisableAppsAsync(IEnumerable<OAuthGrantFinding> findings, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        OAuthGrantFinding[] apps = findings.GroupBy(f => f.ClientServicePrincipalId, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Where(f => _disabledApps.TryAdd(f.ClientServicePrincipalId, true))
            .ToArray();
        foreach (List<OAuthGrantFinding> chunk in apps.InChunksOf(GraphBatchClient.MaxItemsPerBatch))
        {
            GraphBatchItem[] patches = GraphBatchItem.InOrder(chunk.Select(f => new GraphBatchItem("PATCH", $"/servicePrincipals/{f.ClientServicePrincipalId}", new JsonObject { ["accountEnabled"] = false })));
            IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendAsync(patches, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < chunk.Count; i++)
            {
                OAuthGrantFinding app = chunk[i];
                string message = answers[i].IsSuccess
                    ? $"Disabled {app.AppDisplayName} ({app.AppId}): it can get no tokens in this tenant, and consent cannot bring it back."
                    : results.FailedWith(GraphErrorTranslator.Translate(answers[i].Error, GraphOperation.DisableServicePrincipal, app.AppDisplayName ?? app.ClientServicePrincipalId));
                results.Succeeded(new ContainmentAction
                {
                    UserId = app.PrincipalId ?? string.Empty,
                    UserPrincipalName = app.PrincipalUserPrincipalName,
                    Action = ContainmentActions.DisableServicePrincipal,
                    Target = app.ClientServicePrincipalId,
                    Status = answers[i].IsSuccess ? ContainmentActionStatus.Succeeded : ContainmentActionStatus.Failed,
                    Timestamp = DateTimeOffset.UtcNow,
                    AccountEnabled = answers[i].IsSuccess ? false : null,
                    RequestId = answers[i].RequestId,
                    Message = message,
                });
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, GraphBatchResult>> ReadDelegatedGrantsAsync(IEnumerable<string> grantIds, CancellationToken cancellationToken)
    {
        var read = new Dictionary<string, GraphBatchResult>(StringComparer.Ordinal);
        foreach (List<string> chunk in grantIds.Distinct(StringComparer.Ordinal).InChunksOf(GraphBatchClient.MaxItemsPerBatch))
        {
            IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendAsync(
                GraphBatchItem.InOrder(chunk.Select(id => new GraphBatchItem("GET", $"/oauth2PermissionGrants/{Uri.EscapeDataString(id)}?$select={GrantJson.GrantSelect}"))),
                cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < chunk.Count; i++)
            {
                read[chunk[i]] = answers[i];
            }
        }

        return read;
    }

    private static bool IsDelegated(OAuthGrantFinding finding) => finding.GrantKind == nameof(Detection.OAuth.GrantKind.Delegated);

    /// <summary>Graph serves no single assignment to re-read; the finding holds every field a restore needs.</summary>
    private static string AssignmentImage(OAuthGrantFinding finding) => new JsonObject
    {
        ["id"] = finding.GrantId,
        ["appRoleId"] = finding.AppRoleId,
        ["principalId"] = finding.GrantKind == nameof(Detection.OAuth.GrantKind.Application) ? finding.ClientServicePrincipalId : finding.PrincipalId,
        ["principalType"] = finding.GrantKind == nameof(Detection.OAuth.GrantKind.Application) ? "ServicePrincipal" : "User",
        ["resourceId"] = finding.ResourceId,
        ["resourceDisplayName"] = finding.ResourceDisplayName,
    }.ToJsonString();

    private static string DeletePath(OAuthGrantFinding finding) =>
        IsDelegated(finding)
            ? $"/oauth2PermissionGrants/{Uri.EscapeDataString(finding.GrantId)}"
            : $"/servicePrincipals/{finding.ResourceId}/appRoleAssignedTo/{Uri.EscapeDataString(finding.GrantId)}";

    private static ContainmentAction Row(OAuthGrantFinding finding, string status, string message, string? beforeImage, string? requestId) => new()
    {
        UserId = finding.PrincipalId ?? string.Empty,
        UserPrincipalName = finding.PrincipalUserPrincipalName,
        Action = IsDelegated(finding) ? ContainmentActions.RemoveOAuthGrant : ContainmentActions.RemoveAppRoleAssignment,
        Target = finding.GrantId,
        Status = status,
        Timestamp = DateTimeOffset.UtcNow,
        RequestId = requestId,
        Message = message,
        BeforeImage = beforeImage,
    };
}
