using System.Collections.Concurrent;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Mailboxes.Graph;

/// <summary>
/// Turns the folder ids of a mailbox's inbox rules into folders with a name and, where it is one, their role, without
/// trusting names: a German "Archiv" is the Archive because its id is the one Graph gives for the well-known name
/// "archive" (or mailboxSettings.archiveFolder), not because of what it is called. Each mailbox's well-known folders are
/// read once, and only for a mailbox whose rules name a folder; each distinct folder id once per mailbox per run, and not
/// at all when it is one of the well-known folders already read.
/// </summary>
internal sealed class RuleFolderResolver
{
    private readonly MailboxRequests _requests;
    private readonly ConcurrentDictionary<string, Task<MailboxFolderRoles>> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Task<GraphBatchResult>> _folders = new(StringComparer.OrdinalIgnoreCase);
    private int _deniedReported;

    public RuleFolderResolver(MailboxRequests requests) => _requests = requests;

    public async Task<IReadOnlyDictionary<string, RuleFolder>> ResolveAsync<T>(MailboxOwner owner, IReadOnlyCollection<string> folderIds, IResultSink<T> results, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, RuleFolder>(StringComparer.Ordinal);
        if (folderIds.Count == 0)
        {
            return resolved;
        }

        MailboxFolderRoles roles = await _roles.GetOrAdd(owner.UserId, _ => ReadRolesAsync(owner, cancellationToken)).ConfigureAwait(false);
        string[] unknown = folderIds.Where(id => !roles.Names.ContainsKey(id)).ToArray();
        GraphBatchResult[] reads = await Task.WhenAll(unknown.Select(id => _folders.GetOrAdd(owner.UserId + "|" + id, _ => ReadFolderAsync(owner, id, cancellationToken)))).ConfigureAwait(false);

        GraphError? problem = roles.Problem;
        foreach (string id in folderIds)
        {
            WellKnownFolder role = roles.Roles.TryGetValue(id, out WellKnownFolder known) ? known : WellKnownFolder.None;
            string? name = roles.Names.TryGetValue(id, out string? knownName) ? knownName : null;
            int read = Array.IndexOf(unknown, id);
            if (read >= 0)
            {
                GraphBatchResult answer = reads[read];
                name = answer.IsSuccess ? GraphJson.Text(answer.Body, "displayName") : null;

                // A rule may point at a folder deleted since (Graph then flags the rule hasError): its id stays, unnamed.
                if (!answer.IsSuccess && answer.Status != 404)
                {
                    problem ??= answer.Error;
                }
            }

            resolved[id] = new RuleFolder { Id = id, Name = name, WellKnown = role };
        }

        if (problem is not null)
        {
            Report(problem, owner, results);
        }

        return resolved;
    }

    /// <summary>A missing permission is the connection's, so it is said once per run; anything else once for each mailbox it hit.</summary>
    private void Report<T>(GraphError problem, MailboxOwner owner, IResultSink<T> results)
    {
        if (problem.Status == 403 && Interlocked.Exchange(ref _deniedReported, 1) == 1)
        {
            return;
        }

        results.Failed(GraphErrorTranslator.Translate(problem, GraphOperation.ReadMailFolders, owner.Mailbox));
    }

    private Task<GraphBatchResult> ReadFolderAsync(MailboxOwner owner, string folderId, CancellationToken cancellationToken) =>
        _requests.SendAsync(owner.UserId, new GraphBatchItem("GET", $"/users/{owner.UserId}/mailFolders/{Uri.EscapeDataString(folderId)}"), cancellationToken);

    /// <summary>The ids of the mailbox's well-known folders by their role, with the names Graph gave them.</summary>
    private async Task<MailboxFolderRoles> ReadRolesAsync(MailboxOwner owner, CancellationToken cancellationToken)
    {
        Task<GraphBatchResult>[] folders = WellKnownFolderNames.Read
            .Select(f => _requests.SendAsync(owner.UserId, new GraphBatchItem("GET", $"/users/{owner.UserId}/mailFolders/{f.Name}"), cancellationToken))
            .ToArray();
        Task<GraphBatchResult> settings = _requests.SendAsync(owner.UserId, new GraphBatchItem("GET", $"/users/{owner.UserId}/mailboxSettings"), cancellationToken);
        GraphBatchResult[] answers = await Task.WhenAll(folders).ConfigureAwait(false);

        var roles = new Dictionary<string, WellKnownFolder>(StringComparer.Ordinal);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        GraphError? problem = null;
        for (int i = 0; i < answers.Length; i++)
        {
            GraphBatchResult answer = answers[i];
            if (answer.IsSuccess && GraphJson.Text(answer.Body, "id") is { Length: > 0 } id)
            {
                roles[id] = WellKnownFolderNames.Read[i].Role;
                names[id] = GraphJson.Text(answer.Body, "displayName");
            }
            else if (!answer.IsSuccess && answer.Status != 404)
            {
                // A mailbox need not have every well-known folder (no archive until one-click archive is used): 404 is no problem.
                problem ??= answer.Error;
            }
        }

        GraphBatchResult settingsAnswer = await settings.ConfigureAwait(false);
        if (settingsAnswer.IsSuccess && GraphJson.Text(settingsAnswer.Body, "archiveFolder") is { Length: > 0 } archive && !roles.ContainsKey(archive))
        {
            // Its name is not in the settings: the folder is read by id like any other, and keeps the role.
            roles[archive] = WellKnownFolder.Archive;
        }
        else if (!settingsAnswer.IsSuccess)
        {
            problem ??= settingsAnswer.Error;
        }

        return new MailboxFolderRoles(roles, names, problem);
    }

    /// <summary>A mailbox's well-known folders: role by id, the names read with them, and the first error met reading them.</summary>
    private sealed record MailboxFolderRoles(IReadOnlyDictionary<string, WellKnownFolder> Roles, IReadOnlyDictionary<string, string?> Names, GraphError? Problem);
}
