using System.Text.RegularExpressions;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests.Harness;

/// <summary>What the sandbox received as user list queries ($filter=id in (...) or userPrincipalName in (...)).</summary>
public static class ListQueries
{
    /// <summary>The list queries sent inside batches, in the order the sandbox served them.</summary>
    public static IReadOnlyList<RequestLogEntry> In(IEnumerable<RequestLogEntry> log) =>
        log.Where(e => e.Kind == RequestKind.Graph && e.BatchId is not null && e.Method == "GET" && e.Path.StartsWith("/users?", StringComparison.Ordinal)).ToList();

    /// <summary>The ids or names one list query asked for, as quoted in its $filter.</summary>
    public static IReadOnlyList<string> UsersAskedFor(RequestLogEntry query)
    {
        Match list = Regex.Match(Uri.UnescapeDataString(query.Path), @"\bin \(([^)]*)\)");
        return list.Success ? Regex.Matches(list.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList() : Array.Empty<string>();
    }
}
