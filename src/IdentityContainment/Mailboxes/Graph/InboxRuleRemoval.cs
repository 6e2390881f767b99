using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Errors;
using IdentityContainment.Evidence;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Mailboxes.Graph;

/// <summary>
/// Deletes the inbox rules Graph findings name (DELETE .../messageRules/{id}, MailboxSettings.ReadWrite), or turns them
/// off instead (PATCH {"isEnabled": false}). Each rule is read again first, so the action carries the rule exactly as
/// Graph held it just before (the before-image to recreate it from), and a rule already gone is reported as such, not as
/// a failure. Only the rules named are touched; many mailboxes at once, never more than four requests in flight to one.
/// </summary>
public sealed class InboxRuleRemoval
{
    private readonly GraphConnection _connection;
    private readonly MailboxRequests _requests;

    public InboxRuleRemoval(GraphConnection connection)
    {
        _connection = connection;
        _requests = new MailboxRequests(connection.Batch);
    }

    public async Task RemoveAsync(IReadOnlyList<MailboxFinding> graphFindings, bool disable, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        var sink = new SynchronizedResults<ContainmentAction>(JournaledResults<ContainmentAction>.Around(results, _connection.Journal));
        var removals = new List<Task>(graphFindings.Count);
        using (_requests.Hold())
        {
            foreach (MailboxFinding finding in graphFindings.GroupBy(f => (Mailbox: MailboxKey(f), f.Identity)).Select(g => g.First()))
            {
                if (finding.Source != MailboxFindingSources.Graph || finding.Kind != MailboxFindingKinds.InboxRule || finding.Identity.Length == 0 || MailboxKey(finding).Length == 0)
                {
                    sink.Failed(NotAGraphRule(finding));
                    continue;
                }

                removals.Add(RemoveOneAsync(finding, disable, sink, cancellationToken));
            }
        }

        await Task.WhenAll(removals).ConfigureAwait(false);
    }

    private async Task RemoveOneAsync(MailboxFinding finding, bool disable, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        string mailbox = MailboxKey(finding);
        string path = $"/users/{Uri.EscapeDataString(mailbox)}/mailFolders/inbox/messageRules/{Uri.EscapeDataString(finding.Identity)}";
        string action = disable ? ContainmentActions.DisableInboxRule : ContainmentActions.RemoveInboxRule;
        try
        {
            GraphBatchResult read = await _requests.SendAsync(mailbox, new GraphBatchItem("GET", path), cancellationToken).ConfigureAwait(false);
            if (IsGone(read))
            {
                results.Succeeded(Row(finding, action, ContainmentActionStatus.Skipped, $"The inbox rule '{finding.Name}' of {finding.Mailbox} is already gone: nothing was changed.", null, read.RequestId));
                return;
            }

            if (!read.IsSuccess || read.Body is null)
            {
                string message = results.FailedWith(GraphErrorTranslator.Translate(read.Error, GraphOperation.ReadInboxRule, RuleName(finding)));
                results.Succeeded(Row(finding, action, ContainmentActionStatus.Failed, message, null, read.RequestId));
                return;
            }

            string beforeImage = read.Body.ToJsonString();
            if (disable && GraphJson.Flag(read.Body, "isEnabled") == false)
            {
                results.Succeeded(Row(finding, action, ContainmentActionStatus.Skipped, $"The inbox rule '{finding.Name}' of {finding.Mailbox} is already disabled: nothing was changed.", beforeImage, read.RequestId));
                return;
            }

            // A DELETE is not repeated after a lost answer: a retry that found the rule gone would report it "already gone"
            // and lose the before-image of a rule this run deleted. Turning a rule off twice is harmless.
            GraphBatchItem write = disable
                ? new GraphBatchItem("PATCH", path, new JsonObject { ["isEnabled"] = false })
                : new GraphBatchItem("DELETE", path) with { Repeatable = false };
            GraphBatchResult answer = await _requests.SendAsync(mailbox, write, cancellationToken).ConfigureAwait(false);
            if (answer.IsSuccess)
            {
                string done = disable
                    ? $"Disabled the inbox rule '{finding.Name}' of {finding.Mailbox}: it stays in the mailbox and no longer runs."
                    : $"Deleted the inbox rule '{finding.Name}' of {finding.Mailbox}.";
                results.Succeeded(Row(finding, action, ContainmentActionStatus.Succeeded, done, beforeImage, answer.RequestId));
            }
            else if (IsGone(answer))
            {
                results.Succeeded(Row(finding, action, ContainmentActionStatus.Skipped, $"The inbox rule '{finding.Name}' of {finding.Mailbox} was gone before it could be changed: nothing was changed.", null, answer.RequestId));
            }
            else
            {
                string message = results.FailedWith(GraphErrorTranslator.Translate(answer.Error, disable ? GraphOperation.DisableInboxRule : GraphOperation.RemoveInboxRule, RuleName(finding)));
                results.Succeeded(Row(finding, action, ContainmentActionStatus.Failed, message, null, answer.RequestId));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            string message = results.FailedWith(GraphErrorTranslator.Unexpected(ex, disable ? GraphOperation.DisableInboxRule : GraphOperation.RemoveInboxRule, RuleName(finding)));
            results.Succeeded(Row(finding, action, ContainmentActionStatus.Failed, message, null, null));
        }
    }

    /// <summary>A missing rule is 404 ErrorItemNotFound (CONTRACT §6); a 404 for a mailbox Graph cannot reach is not a rule gone.</summary>
    /// <summary>
    /// Only Outlook's missing-item answer means the rule is gone; another 404 (no mailbox, a user that no longer
    /// exists: ErrorInvalidUser) means the rule could not be reached, which is a failure to report.
    /// </summary>
    private static bool IsGone(GraphBatchResult answer) =>
        answer.Status == 404 && answer.Error.Code == "ErrorItemNotFound";

    /// <summary>The user's object id when the finding has it (Graph's findings always do), else the mailbox as named.</summary>
    private static string MailboxKey(MailboxFinding finding) => finding.UserId is { Length: > 0 } id ? id : finding.Mailbox;

    private static string RuleName(MailboxFinding finding) => $"{finding.Name} ({finding.Identity}) of {finding.Mailbox}";

    private static ContainmentException NotAGraphRule(MailboxFinding finding) => new(
        ContainmentErrorKind.InvalidArgument,
        "NotAGraphInboxRule",
        $"The finding '{finding.Name}' ({finding.Kind} from {finding.Source}) of {finding.Mailbox} is not an inbox rule read through Graph with its mailbox and rule id, so Graph cannot remove it. Remove it with the command the finding names: {finding.RemediationCommand ?? "(none given)"}",
        finding.Identity.Length > 0 ? finding.Identity : finding.Mailbox);

    private static ContainmentAction Row(MailboxFinding finding, string action, string status, string message, string? beforeImage, string? requestId) => new()
    {
        UserId = finding.UserId ?? string.Empty,
        UserPrincipalName = finding.Mailbox,
        Action = action,
        Target = finding.Identity,
        Status = status,
        Timestamp = DateTimeOffset.UtcNow,
        RequestId = requestId,
        Message = message,
        BeforeImage = beforeImage,
    };
}
