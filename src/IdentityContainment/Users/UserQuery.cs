using System.Text.Json.Nodes;
using IdentityContainment.Graph;

namespace IdentityContainment.Users;

/// <summary>
/// One list query for up to 15 users, by object id or by user principal name:
/// <c>GET /users?$filter=id in ('…','…')&amp;$select=…</c>. Graph takes at most 15 values in an <c>in</c> clause without
/// advanced queries, and one query per property keeps each clause inside that limit. Graph may still page the answer;
/// <see cref="WholeListReads"/> reads it to its last page before <see cref="Read"/> sees it.
/// </summary>
internal sealed class UserQuery
{
    public const int MaxUsers = 15;

    private UserQuery(string property, IReadOnlyList<string> userIds)
    {
        Property = property;
        UserIds = userIds;
    }

    /// <summary>id or userPrincipalName: the property the query filters on.</summary>
    public string Property { get; }

    public IReadOnlyList<string> UserIds { get; }

    public string Url
    {
        get
        {
            string values = string.Join(",", UserIds.Select(id => "'" + id.Replace("'", "''") + "'"));
            return $"/users?$filter={Uri.EscapeDataString($"{Property} in ({values})")}&$select={UserJson.Select}";
        }
    }

    /// <summary>Object ids and user principal names go to separate queries, each of at most <see cref="MaxUsers"/>.</summary>
    public static IEnumerable<UserQuery> For(IEnumerable<string> userIds) =>
        userIds
            .GroupBy(id => Guid.TryParse(id, out _) ? "id" : "userPrincipalName")
            .SelectMany(byProperty => Pipeline.Chunking.InChunksOf(byProperty, MaxUsers).Select(ids => new UserQuery(byProperty.Key, ids)));

    /// <summary>
    /// What the whole answer says about each user asked for. A user missing from a complete answer does not exist (a
    /// list query has no per-user 404: the lookup carries no error); a list that failed on any page is every asked
    /// user's error, as a user on the missing page would otherwise pass for one that does not exist.
    /// </summary>
    public IEnumerable<UserLookup> Read(WholeList<UserQuery> answer)
    {
        if (!answer.IsComplete)
        {
            return UserIds.Select(id => new UserLookup(id, null, answer.Outcome.Error, answer.Outcome.Error?.RequestId ?? answer.RequestId, answer.Outcome.Unanswered));
        }

        var users = new Dictionary<string, ContainmentUser>(StringComparer.OrdinalIgnoreCase);
        foreach (JsonNode node in answer.Items)
        {
            if (GraphJson.Text(node, Property) is { } key)
            {
                users[key] = UserJson.Read(node);
            }
        }

        return UserIds.Select(id => new UserLookup(id, users.TryGetValue(id, out ContainmentUser? user) ? user : null, null, answer.RequestId));
    }
}
