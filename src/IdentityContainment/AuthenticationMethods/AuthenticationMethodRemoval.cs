using IdentityContainment.Connection;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Errors;
using IdentityContainment.Evidence;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.AuthenticationMethods;

/// <summary>
/// Deletes the authentication methods findings name, each through its kind's own path (DELETE
/// /users/{id}/authentication/{kind}Methods/{id}, CONTRACT §7: the generic /methods/{id} does not delete). Each method
/// is read again first, so the action carries it exactly as Graph held it just before (the before-image), and a method
/// already gone is Skipped, not failed. Graph's refusals (the default method, a mobile number while an alternate exists)
/// become errors that say what to do. Only the methods named are touched.
/// </summary>
public sealed class AuthenticationMethodRemoval
{
    private readonly GraphConnection _connection;

    public AuthenticationMethodRemoval(GraphConnection connection) => _connection = connection;

    public async Task RemoveAsync(IReadOnlyList<AuthenticationMethodFinding> findings, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        var sink = JournaledResults<ContainmentAction>.Around(results, _connection.Journal);
        var targets = new List<Target>();
        foreach (AuthenticationMethodFinding finding in findings.GroupBy(f => (f.UserId.ToLowerInvariant(), f.MethodId)).Select(g => g.First()))
        {
            // The path is worked out again from the kind, never taken from the finding's DeletePath: an edited finding
            // must not steer a DELETE elsewhere.
            AuthenticationMethodType? type = AuthenticationMethodType.FromName(finding.Type);
            string? path = type is { Deletable: true } && finding.UserId.Length > 0 && finding.MethodId.Length > 0 ? type.ItemPath(finding.UserId, finding.MethodId) : null;
            if (path is null)
            {
                ContainmentException refusal = finding.UserId.Length == 0 || finding.MethodId.Length == 0
                    ? MethodDeleteRefusals.Incomplete(finding, Describe(finding))
                    : MethodDeleteRefusals.NotDeletable(finding, Describe(finding));
                string message = sink.FailedWith(refusal);
                sink.Succeeded(Row(finding, ContainmentActionStatus.Failed, message, null, null));
                continue;
            }

            targets.Add(new Target(finding, path));
        }

        IReadOnlyList<GraphBatchResult> reads = await _connection.Batch.SendEachAsync(targets.Select(t => new GraphBatchItem("GET", t.Path)), cancellationToken).ConfigureAwait(false);
        var present = new List<Target>();
        for (int i = 0; i < targets.Count; i++)
        {
            Target target = targets[i];
            GraphBatchResult read = reads[i];
            if (read.Status == 404)
            {
                sink.Succeeded(Row(target.Finding, ContainmentActionStatus.Skipped, $"The {Describe(target.Finding)} is already gone: nothing was changed.", null, read.RequestId));
            }
            else if (!read.IsSuccess || read.Body is null)
            {
                string message = sink.FailedWith(GraphErrorTranslator.Translate(read.Error, GraphOperation.ReadAuthenticationMethod, Describe(target.Finding)));
                sink.Succeeded(Row(target.Finding, ContainmentActionStatus.Failed, message, null, read.RequestId));
            }
            else
            {
                present.Add(target with { BeforeImage = AuthenticationMethodJson.WithoutSecrets(read.Body) });
            }
        }

        // A mobile number goes after everything else: Graph keeps it while an alternate mobile exists, and the alternate
        // may be among the methods being removed (items of one batch run in any order).
        foreach (Target[] wave in new[] { present.Where(t => !IsMobile(t)).ToArray(), present.Where(IsMobile).ToArray() })
        {
            await DeleteAsync(wave, sink, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteAsync(Target[] targets, IResultSink<ContainmentAction> sink, CancellationToken cancellationToken)
    {
        // A DELETE is not repeated after a lost answer: a retry that found the method gone would report it "already gone"
        // and lose the before-image of a method this run deleted.
        IReadOnlyList<GraphBatchResult> answers = await _connection.Batch.SendEachAsync(targets.Select(t => new GraphBatchItem("DELETE", t.Path) with { Repeatable = false }), cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < targets.Length; i++)
        {
            Target target = targets[i];
            GraphBatchResult answer = answers[i];
            if (answer.IsSuccess)
            {
                sink.Succeeded(Row(target.Finding, ContainmentActionStatus.Succeeded, $"Deleted the {Describe(target.Finding)}.{SessionNote(target)}", target.BeforeImage, answer.RequestId));
            }
            else if (answer.Status == 404)
            {
                sink.Succeeded(Row(target.Finding, ContainmentActionStatus.Skipped, $"The {Describe(target.Finding)} was gone before it could be deleted: nothing was changed.", null, answer.RequestId));
            }
            else
            {
                ContainmentException error = MethodDeleteRefusals.Explain(answer.Error, Describe(target.Finding), Owner(target.Finding))
                    ?? GraphErrorTranslator.Translate(answer.Error, GraphOperation.RemoveAuthenticationMethod, Describe(target.Finding));
                string message = sink.FailedWith(error);
                sink.Succeeded(Row(target.Finding, ContainmentActionStatus.Failed, message, null, answer.RequestId));
            }
        }
    }

    /// <summary>
    /// Deleting a pass that is still valid revokes the user's sessions (the Temporary Access Pass create page: "Deleting a
    /// valid Temporary Access Pass will revoke the user's sessions", microsoft-graph-docs pull request 10995): the
    /// operator should know the user was signed out.
    /// </summary>
    private static string SessionNote(Target target) =>
        target.Finding.Type == AuthenticationMethodType.TemporaryAccessPass.Name && GraphJson.Flag(GraphJson.ParseOrNull(target.BeforeImage), "isUsable") == true
            ? " The pass was still valid, so Graph also revoked the user's sessions."
            : string.Empty;

    private static bool IsMobile(Target target) =>
        target.Finding.Type == AuthenticationMethodType.Phone.Name && GraphJson.Text(GraphJson.ParseOrNull(target.BeforeImage), "phoneType") == "mobile";

    private static string Owner(AuthenticationMethodFinding finding) => finding.UserPrincipalName ?? finding.UserId;

    private static string Describe(AuthenticationMethodFinding finding) =>
        $"{finding.Type} method {finding.MethodId}{(finding.DisplayDetail.Length > 0 ? " (" + finding.DisplayDetail + ")" : string.Empty)} of {Owner(finding)}";

    private static ContainmentAction Row(AuthenticationMethodFinding finding, string status, string message, string? beforeImage, string? requestId) => new()
    {
        UserId = finding.UserId,
        UserPrincipalName = finding.UserPrincipalName,
        Action = ContainmentActions.RemoveAuthenticationMethod,
        Target = finding.MethodId,
        Status = status,
        Timestamp = DateTimeOffset.UtcNow,
        RequestId = requestId,
        Message = message,
        BeforeImage = beforeImage,
    };

    private sealed record Target(AuthenticationMethodFinding Finding, string Path)
    {
        public string? BeforeImage { get; init; }
    }
}
