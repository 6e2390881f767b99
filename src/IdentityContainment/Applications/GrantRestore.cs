using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Evidence;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Applications;

/// <summary>
/// Puts back what a removal took, from its before-image: a delegated grant is created again with the same app, API,
/// consent type, user and scopes (Graph gives it a new id), an app role assignment with the same role for the same
/// principal. A false positive must cost minutes, not a re-consent by every user.
/// </summary>
public sealed class GrantRestore
{
    private readonly GraphConnection _connection;

    public GrantRestore(GraphConnection connection) => _connection = connection;

    public async Task RestoreAsync(IReadOnlyList<ContainmentAction> removals, IResultSink<ContainmentAction> sink, CancellationToken cancellationToken)
    {
        IResultSink<ContainmentAction> results = JournaledResults<ContainmentAction>.Around(sink, _connection.Journal);
        var creates = new List<(ContainmentAction Removal, GraphBatchItem Create)>();
        foreach (ContainmentAction removal in removals)
        {
            if (Create(removal) is { } create)
            {
                creates.Add((removal, create));
            }
            else
            {
                results.Failed(new ContainmentException(
                    ContainmentErrorKind.InvalidArgument,
                    "NothingToRestore",
                    $"{removal.Action} of {removal.Target} ({removal.Status}) carries no before-image of a removed grant or assignment, so there is nothing to restore. Pipe the output of Remove-SuspiciousOAuthGrant whose Status is Succeeded.",
                    removal.Target));
            }
        }

        // A create is not repeated after a 503 or a lost answer: it may have been done, and a second would fail or duplicate.
        IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendEachAsync(creates.Select(c => c.Create with { Repeatable = false }), cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < creates.Count; i++)
        {
            ContainmentAction removal = creates[i].Removal;
            GraphBatchResult answer = answers[i];
            string? newId = answer.IsSuccess ? GraphJson.Text(answer.Body, "id") : null;
            string message = answer.IsSuccess
                ? $"Restored {removal.Target} as {newId}."
                : results.FailedWith(GraphErrorTranslator.Translate(answer.Error, GraphOperation.RestoreGrant, removal.Target ?? string.Empty));
            results.Succeeded(new ContainmentAction
            {
                UserId = removal.UserId,
                UserPrincipalName = removal.UserPrincipalName,
                Action = removal.Action == ContainmentActions.RemoveOAuthGrant ? ContainmentActions.RestoreOAuthGrant : ContainmentActions.RestoreAppRoleAssignment,
                Target = newId ?? removal.Target,
                Status = answer.IsSuccess ? ContainmentActionStatus.Succeeded : ContainmentActionStatus.Failed,
                Timestamp = DateTimeOffset.UtcNow,
                RequestId = answer.RequestId,
                Message = message,
            });
        }
    }

    /// <summary>The create request a removal's before-image calls for; null when it has none.</summary>
    private static GraphBatchItem? Create(ContainmentAction removal)
    {
        if (removal.Status != ContainmentActionStatus.Succeeded || removal.BeforeImage is null || GraphJson.ParseOrNull(removal.BeforeImage) is not JsonObject image)
        {
            return null;
        }

        if (removal.Action == ContainmentActions.RemoveOAuthGrant)
        {
            // The grant's own fields; Graph assigns the id (POST /oauth2PermissionGrants, CONTRACT §4 and the sandbox).
            var body = new JsonObject
            {
                ["clientId"] = GraphJson.Text(image, "clientId"),
                ["consentType"] = GraphJson.Text(image, "consentType"),
                ["resourceId"] = GraphJson.Text(image, "resourceId"),
                ["scope"] = GraphJson.Text(image, "scope"),
            };
            if (GraphJson.Text(image, "principalId") is { } principal)
            {
                body["principalId"] = principal;
            }

            return new GraphBatchItem("POST", "/oauth2PermissionGrants", body);
        }

        if (removal.Action == ContainmentActions.RemoveAppRoleAssignment && GraphJson.Text(image, "resourceId") is { } resource)
        {
            return new GraphBatchItem("POST", $"/servicePrincipals/{resource}/appRoleAssignedTo", new JsonObject
            {
                ["principalId"] = GraphJson.Text(image, "principalId"),
                ["resourceId"] = resource,
                ["appRoleId"] = GraphJson.Text(image, "appRoleId"),
            });
        }

        return null;
    }
}
