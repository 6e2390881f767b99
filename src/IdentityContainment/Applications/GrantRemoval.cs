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
/// else of the app or the user. A delegated grant is read again first, and judged as Graph holds it now (its user, its
/// app, whether it is tenant-wide), so a finding may be stale or only an id; the action carries it as read (the
/// before-image a restore recreates), and a grant already gone is reported as such, not as a failure. With the option
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
        IReadOnlyDictionary<string, GraphBatchResult> before = await ReadDelegatedGrantsAsync(findings.Where(IsDelegated).Select(f => f.GrantId), cancellationToken).ConfigureAwait(false);
        var toDelete = new List<RemovalTarget>();
        foreach (OAuthGrantFinding finding in findings)
        {
            if (!IsDelegated(finding))
            {
                toDelete.Add(new RemovalTarget(finding, finding.PrincipalId, finding.ClientServicePrincipalId, AssignmentImage(finding)));
                continue;
            }

            GraphBatchResult read = before[finding.GrantId];
            if (read.Status == 404)
            {
                results.Succeeded(Row(finding, finding.PrincipalId, ContainmentActionStatus.Skipped, "The grant is already gone: nothing was removed.", null, read.RequestId));
            }
            else if (!read.IsSuccess || read.Body is null || GrantJson.Grant(read.Body) is not { } grant)
            {
                string message = results.FailedWith(GraphErrorTranslator.Translate(read.Error, GraphOperation.ReadGrant, finding.GrantId));
                results.Succeeded(Row(finding, finding.PrincipalId, ContainmentActionStatus.Failed, message, null, read.RequestId));
            }
            else if (grant.ConsentType == "AllPrincipals" && !_options.AllowTenantWide)
            {
                // Judged from the grant as Graph holds it now, not from what the finding (or an id) said.
                results.Failed(new ContainmentException(
                    ContainmentErrorKind.InvalidArgument,
                    "TenantWideGrantNeedsForce",
                    $"The grant {grant.Id} to {finding.AppDisplayName ?? grant.ClientId} was consented for every user in the tenant (AllPrincipals): removing it takes the app away from everyone, not only the compromised users. It was left in place; run again with -Force to remove it.",
                    grant.Id));
            }
            else
            {
                toDelete.Add(new RemovalTarget(finding, grant.PrincipalId, grant.ClientId, read.Body.ToJsonString()));
            }
        }

        // Not repeated after a 503 or a lost answer: a retry that found the grant gone would report it "already gone" and
        // drop the before-image of a grant this run removed.
        IReadOnlyList<GraphBatchResult> deleted = await _connection.Batch.SendEachAsync(
            toDelete.Select(t => new GraphBatchItem("DELETE", DeletePath(t.Finding)) { Repeatable = false }),
            cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < toDelete.Count; i++)
        {
            RemovalTarget target = toDelete[i];
            GraphBatchResult answer = deleted[i];
            if (answer.IsSuccess)
            {
                string what = target.Finding.Scopes.Length > 0 ? string.Join(", ", target.Finding.Scopes) : $"grant {target.Finding.GrantId}";
                results.Succeeded(Row(target.Finding, target.PrincipalId, ContainmentActionStatus.Succeeded, $"Removed {what} from {target.Finding.AppDisplayName ?? target.ClientId}.", target.BeforeImage, answer.RequestId));
            }
            else if (answer.Status == 404)
            {
                results.Succeeded(Row(target.Finding, target.PrincipalId, ContainmentActionStatus.Skipped, "The grant was already gone: nothing was removed.", null, answer.RequestId));
            }
            else
            {
                string message = results.FailedWith(GraphErrorTranslator.Translate(answer.Error, IsDelegated(target.Finding) ? GraphOperation.RemoveGrant : GraphOperation.RemoveAppRoleAssignment, target.Finding.GrantId));
                results.Succeeded(Row(target.Finding, target.PrincipalId, ContainmentActionStatus.Failed, message, null, answer.RequestId));
            }
        }

        if (_options.DisableServicePrincipal)
        {
            await DisableAppsAsync(toDelete, results, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Each app of the removals once per run, whichever findings name it: claimed before its PATCH so that two batches
    /// never both disable it, and given up again when the PATCH fails, so that a later batch of the run tries again.
    /// </summary>
    private async Task DisableAppsAsync(IEnumerable<RemovalTarget> removals, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        RemovalTarget[] apps = removals.GroupBy(t => t.ClientId, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Where(t => _disabledApps.TryAdd(t.ClientId, true))
            .ToArray();
        IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendEachAsync(
            apps.Select(t => new GraphBatchItem("PATCH", $"/servicePrincipals/{t.ClientId}", new JsonObject { ["accountEnabled"] = false })),
            cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < apps.Length; i++)
        {
            RemovalTarget app = apps[i];
            string name = app.Finding.AppDisplayName ?? app.ClientId;
            if (!answers[i].IsSuccess)
            {
                _disabledApps.TryRemove(app.ClientId, out _);
            }

            string message = answers[i].IsSuccess
                ? $"Disabled {name}: it can get no tokens in this tenant, and consent cannot bring it back."
                : results.FailedWith(GraphErrorTranslator.Translate(answers[i].Error, GraphOperation.DisableServicePrincipal, name));
            results.Succeeded(new ContainmentAction
            {
                UserId = app.PrincipalId ?? string.Empty,
                UserPrincipalName = app.Finding.PrincipalUserPrincipalName,
                Action = ContainmentActions.DisableServicePrincipal,
                Target = app.ClientId,
                Status = answers[i].IsSuccess ? ContainmentActionStatus.Succeeded : ContainmentActionStatus.Failed,
                Timestamp = DateTimeOffset.UtcNow,
                AccountEnabled = answers[i].IsSuccess ? false : null,
                RequestId = answers[i].RequestId,
                Message = message,
            });
        }
    }

    private async Task<IReadOnlyDictionary<string, GraphBatchResult>> ReadDelegatedGrantsAsync(IEnumerable<string> grantIds, CancellationToken cancellationToken)
    {
        string[] ids = grantIds.Distinct(StringComparer.Ordinal).ToArray();
        IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendEachAsync(
            ids.Select(id => new GraphBatchItem("GET", $"/oauth2PermissionGrants/{Uri.EscapeDataString(id)}?$select={GrantJson.GrantSelect}")),
            cancellationToken).ConfigureAwait(false);
        return ids.Select((id, i) => (id, answer: answers[i])).ToDictionary(r => r.id, r => r.answer, StringComparer.Ordinal);
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

    private static ContainmentAction Row(OAuthGrantFinding finding, string? principalId, string status, string message, string? beforeImage, string? requestId) => new()
    {
        UserId = principalId ?? string.Empty,
        UserPrincipalName = finding.PrincipalUserPrincipalName,
        Action = IsDelegated(finding) ? ContainmentActions.RemoveOAuthGrant : ContainmentActions.RemoveAppRoleAssignment,
        Target = finding.GrantId,
        Status = status,
        Timestamp = DateTimeOffset.UtcNow,
        RequestId = requestId,
        Message = message,
        BeforeImage = beforeImage,
    };

    /// <summary>What one removal deletes: for a delegated grant, the user and the app as Graph holds the grant now.</summary>
    private sealed record RemovalTarget(OAuthGrantFinding Finding, string? PrincipalId, string ClientId, string BeforeImage);
}
