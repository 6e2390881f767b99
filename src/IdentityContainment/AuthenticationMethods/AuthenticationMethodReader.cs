using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.AuthenticationMethods;

/// <summary>
/// Reads the authentication methods of many users (GET /users/{id}/authentication/methods, every page) in shared JSON
/// batches, with each user's usageLocation beside them for the phone country check: the facts the method table judges.
/// The method list takes no query options ("This method does not support optional query parameters", CONTRACT §7), so
/// its urls carry none; the usage locations come from list queries of up to 15 users (/users?$filter=id in (...)) in the
/// same batches. The request classifier budgets the method lists as reports reads (authentication method reports share
/// the reports limit of 5 requests per 10 s, CONTRACT §13) and the usage location queries as identity reads. Each user's
/// methods are reported as soon as the user's list and usage location are both known.
/// </summary>
public sealed class AuthenticationMethodReader
{
    private readonly GraphConnection _connection;

    public AuthenticationMethodReader(GraphConnection connection) => _connection = connection;

    /// <summary>
    /// Each user's methods. A list Graph refused (a missing permission, a user gone) is an error naming the user; a usage
    /// location that could not be read is a warning (the phone country check is skipped for those users); either way the
    /// other users go on.
    /// </summary>
    public async Task ReadAsync(IReadOnlyList<ContainmentUser> users, IResultSink<AuthenticationMethodFacts> results, CancellationToken cancellationToken)
    {
        ContainmentUser[] distinct = users.Where(u => u.Id.Length > 0).GroupBy(u => u.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToArray();
        if (distinct.Length == 0)
        {
            return;
        }

        ContainmentUser[][] chunks = Chunking.InChunksOf(distinct, UserQuery.MaxUsers).Select(c => c.ToArray()).ToArray();
        var state = new UserState[distinct.Length];
        var chunkOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lists = new List<ListRead<ReadTag>>();
        for (int c = 0; c < chunks.Length; c++)
        {
            foreach (ContainmentUser user in chunks[c])
            {
                chunkOf[user.Id] = c;
            }

            lists.Add(new ListRead<ReadTag>(new ReadTag(null, c), LocationQueryUrl(chunks[c])));
        }

        for (int i = 0; i < distinct.Length; i++)
        {
            state[i] = new UserState(distinct[i], chunkOf[distinct[i].Id]);
            lists.Add(new ListRead<ReadTag>(new ReadTag(i, null), $"/users/{Uri.EscapeDataString(distinct[i].Id)}/authentication/methods"));
        }

        var locations = new Dictionary<int, IReadOnlyDictionary<string, string?>>();
        var locationItems = chunks.Select(_ => new List<JsonNode>()).ToArray();
        await foreach (ListPage<ReadTag> page in _connection.Batch.ReadListsAsync(lists, cancellationToken).ConfigureAwait(false))
        {
            if (page.List.Chunk is int chunk)
            {
                locationItems[chunk].AddRange(page.Items);
                if (page.Outcome is { } outcome)
                {
                    locations[chunk] = UsageLocations(chunks[chunk], locationItems[chunk], outcome, results);
                    ReportReady(state.Where(s => s.Chunk == chunk), locations, results);
                }

                continue;
            }

            UserState user = state[page.List.User!.Value];
            user.Items.AddRange(page.Items);
            if (page.Outcome is not { } listed)
            {
                continue;
            }

            if (listed.IsComplete)
            {
                user.Listed = true;
                ReportReady(new[] { user }, locations, results);
            }
            else
            {
                user.Items.Clear();
                results.Failed(GraphErrorTranslator.Translate(listed, GraphOperation.ListAuthenticationMethods, Name(user.User)));
            }
        }
    }

    private static string LocationQueryUrl(IEnumerable<ContainmentUser> users)
    {
        string ids = string.Join(",", users.Select(u => "'" + u.Id.Replace("'", "''") + "'"));
        return $"/users?$filter={Uri.EscapeDataString($"id in ({ids})")}&$select=id,usageLocation";
    }

    /// <summary>Each user's usageLocation (null when unset); when the query failed, null for all of them and one warning.</summary>
    private static IReadOnlyDictionary<string, string?> UsageLocations(ContainmentUser[] users, List<JsonNode> items, ListOutcome outcome, IResultSink<AuthenticationMethodFacts> results)
    {
        var found = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!outcome.IsComplete)
        {
            string why = GraphErrorTranslator.Translate(outcome, GraphOperation.ReadUsageLocation, string.Join(", ", users.Select(Name))).Message;
            results.Warn($"The usage location of {string.Join(", ", users.Select(Name))} could not be read, so their phones were not checked against it. {why}");
            return found;
        }

        foreach (JsonNode item in items)
        {
            if (GraphJson.Text(item, "id") is { } id)
            {
                found[id] = GraphJson.Text(item, "usageLocation");
            }
        }

        return found;
    }

    /// <summary>Reports every user whose list is whole and whose usage location query has answered, once.</summary>
    private static void ReportReady(IEnumerable<UserState> users, Dictionary<int, IReadOnlyDictionary<string, string?>> locations, IResultSink<AuthenticationMethodFacts> results)
    {
        foreach (UserState user in users)
        {
            if (!user.Listed || user.Reported || !locations.TryGetValue(user.Chunk, out IReadOnlyDictionary<string, string?>? known))
            {
                continue;
            }

            user.Reported = true;
            var owner = new MethodOwner(user.User.Id, user.User.UserPrincipalName, known.TryGetValue(user.User.Id, out string? location) ? location : null);
            AuthenticationMethodFacts[] methods = user.Items.Select(item => AuthenticationMethodJson.Read(item, owner)).ToArray();
            AuthenticationMethodFacts[] undated = methods.Where(m => m.CreatedDateTime is null).ToArray();
            foreach (AuthenticationMethodFacts method in methods)
            {
                results.Succeeded(method with { UndatedOfUser = undated });
            }

            user.Items.Clear();
        }
    }

    private static string Name(ContainmentUser user) => user.UserPrincipalName ?? user.Id;

    /// <summary>Which list a page belongs to: one user's methods, or one chunk's usage location query.</summary>
    private sealed record ReadTag(int? User, int? Chunk);

    private sealed class UserState
    {
        public UserState(ContainmentUser user, int chunk)
        {
            User = user;
            Chunk = chunk;
        }

        public ContainmentUser User { get; }

        public int Chunk { get; }

        public List<JsonNode> Items { get; } = new();

        public bool Listed { get; set; }

        public bool Reported { get; set; }
    }
}
