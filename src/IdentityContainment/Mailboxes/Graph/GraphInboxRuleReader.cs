using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Mailboxes.Graph;

/// <summary>
/// Reads the inbox rules of many mailboxes through Graph (GET /users/{id}/mailFolders/inbox/messageRules, every page),
/// with the folders they move or copy to resolved and the tenant's verified domains and the owner's addresses beside
/// them: the facts the inbox rule table judges. Mailboxes are read concurrently in shared JSON batches, never more than
/// four requests in flight to one mailbox; each mailbox's rules are reported as soon as its folders are known. One
/// reader per run: domains are read once, folders once per mailbox.
/// </summary>
public sealed class GraphInboxRuleReader
{
    /// <summary>Graph's error code for a user whose mailbox is not in Exchange Online (inactive, soft-deleted, on-premises; CONTRACT §0).</summary>
    public const string MailboxNotEnabled = "MailboxNotEnabledForRESTAPI";

    private readonly GraphConnection _connection;
    private readonly VerifiedDomains _domains;
    private readonly RuleFolderResolver _folders;

    public GraphInboxRuleReader(GraphConnection connection)
        : this(connection, new VerifiedDomains(connection))
    {
    }

    /// <param name="connection">The run's connection.</param>
    /// <param name="domains">The run's verified domains, when the run shares them with other readers.</param>
    public GraphInboxRuleReader(GraphConnection connection, VerifiedDomains domains)
    {
        _connection = connection;
        _domains = domains;
        _folders = new RuleFolderResolver(new MailboxRequests(connection.Batch));
    }

    /// <summary>
    /// Each user's inbox rules, reported mailbox by mailbox as they are known. A user without an Exchange Online mailbox
    /// is a warning; a list Graph refused (a missing permission, an access policy) is an error naming the user; either
    /// way the other mailboxes go on.
    /// </summary>
    public async Task ReadAsync(IReadOnlyList<ContainmentUser> users, IResultSink<InboxRuleFacts> results, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return;
        }

        var sink = new SynchronizedResults<InboxRuleFacts>(results);
        Task<MailDomains> domains = _domains.GetAsync(sink, cancellationToken);
        MailboxOwner[] owners = users.GroupBy(u => u.Id, StringComparer.OrdinalIgnoreCase).Select(g => MailboxOwner.Of(g.First())).ToArray();
        var rules = owners.Select(_ => new List<JsonNode>()).ToArray();
        var mailboxes = new List<Task>(owners.Length);

        // Every mailbox's list pages through shared batches; a mailbox whose list is whole goes on to its folders at
        // once, while the other lists are still being read.
        ListRead<int>[] lists = owners.Select((o, i) => new ListRead<int>(i, $"/users/{o.UserId}/mailFolders/inbox/messageRules")).ToArray();
        await foreach (ListPage<int> page in _connection.Batch.ReadListsAsync(lists, cancellationToken).ConfigureAwait(false))
        {
            rules[page.List].AddRange(page.Items);
            if (page.Outcome is not { } outcome)
            {
                continue;
            }

            MailboxOwner owner = owners[page.List];
            if (outcome.IsComplete)
            {
                mailboxes.Add(ReportMailboxAsync(owner, rules[page.List], domains, sink, cancellationToken));
            }
            else
            {
                ReportUnread(owner, outcome, sink);
            }

            // The rules are now with their mailbox's task; a partial list is never judged as the whole.
            rules[page.List] = new List<JsonNode>();
        }

        await Task.WhenAll(mailboxes).ConfigureAwait(false);
    }

    private async Task ReportMailboxAsync(MailboxOwner owner, IReadOnlyList<JsonNode> rules, Task<MailDomains> domains, IResultSink<InboxRuleFacts> results, CancellationToken cancellationToken)
    {
        try
        {
            string[] folderIds = rules.SelectMany(MessageRuleJson.FolderIds).Distinct(StringComparer.Ordinal).ToArray();
            IReadOnlyDictionary<string, RuleFolder> folders = await _folders.ResolveAsync(owner, folderIds, results, cancellationToken).ConfigureAwait(false);
            MailDomains known = await domains.ConfigureAwait(false);
            foreach (JsonNode rule in rules)
            {
                results.Succeeded(MessageRuleJson.Read(rule, owner, folders, known));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            results.Failed(GraphErrorTranslator.Unexpected(ex, GraphOperation.ReadMailFolders, owner.Mailbox));
        }
    }

    private static void ReportUnread(MailboxOwner owner, ListOutcome outcome, IResultSink<InboxRuleFacts> results)
    {
        if (outcome.Error is { Code: MailboxNotEnabled } error)
        {
            results.Warn($"{owner.Mailbox} has no mailbox Graph can read (Graph said {error.Status} {error.Code}: {error.Message}), so its inbox rules were not read. A mailbox that is inactive, soft-deleted or on-premises has none in Exchange Online; for an on-premises one, run Get-InboxRule there and pipe it to Get-MailboxPersistence.");
            return;
        }

        results.Failed(GraphErrorTranslator.Translate(outcome, GraphOperation.ReadInboxRules, owner.Mailbox));
    }
}
