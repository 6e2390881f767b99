namespace IdentityContainment.Sandbox;

/// <summary>
/// One page of a table kept as ids in sorted order: resumes after the last id served (the skip token), so paging stays
/// correct while other requests change the table between pages, and no page sorts the table again.
/// </summary>
internal static class SortedIdPages
{
    /// <param name="present">What the page shows of a matching item (a user as a lagging replica holds it); default itself.</param>
    public static (IReadOnlyList<T> Page, bool HasMore) Take<T>(List<string> sortedIds, IComparer<string> order, Func<string, T> find,
        Func<T, bool> match, string? afterId, int take, Func<T, T>? present = null)
    {
        var start = 0;
        if (afterId is not null)
        {
            var at = sortedIds.BinarySearch(afterId, order);
            start = at >= 0 ? at + 1 : ~at;
        }
        var page = new List<T>(Math.Min(take, 128));
        for (var i = start; i < sortedIds.Count; i++)
        {
            var item = find(sortedIds[i]);
            if (!match(item))
                continue;
            if (page.Count == take)
                return (page, true);
            page.Add(present is null ? item : present(item));
        }
        return (page, false);
    }
}
