namespace IdentityContainment.Graph;

/// <summary>
/// The first page of a Graph list: its url relative to the version root (with its query options) and the headers each
/// page needs. Graph's @odata.nextLink carries every query option but no header (paging docs), so a reader sends
/// <see cref="Headers"/> again with every page.
/// </summary>
public sealed record ListRequest
{
    private ListRequest(string url, IReadOnlyDictionary<string, string> headers)
    {
        Url = url;
        Headers = headers;
    }

    public string Url { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// The list at <paramref name="path"/> (which may already carry a query, such as a $filter), with $select when
    /// given and the largest $top the list takes (<see cref="LargestPageSizes"/>) unless the path already chose one.
    /// </summary>
    public static ListRequest For(string path, string? select = null)
    {
        string url = path;
        if (!string.IsNullOrEmpty(select))
        {
            if (HasOption(url, "select"))
            {
                throw new ArgumentException($"The path already carries $select: {path}", nameof(select));
            }

            url = WithOption(url, "$select", select!);
        }

        if (!HasOption(url, "top") && LargestPageSizes.For(url) is { } top)
        {
            url = WithOption(url, "$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new ListRequest(url, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The same request with one more header on every page.</summary>
    public ListRequest WithHeader(string name, string value) =>
        new(Url, new Dictionary<string, string>(Headers.ToDictionary(h => h.Key, h => h.Value), StringComparer.OrdinalIgnoreCase) { [name] = value });

    /// <summary>
    /// An advanced query (ne, not, endsWith, $search, $filter with $orderby on directory objects): Graph wants
    /// ConsistencyLevel: eventual on every page (aad-advanced-queries docs; CONTRACT §0). The caller adds $count=true
    /// where the query needs it.
    /// </summary>
    public ListRequest AsAdvancedQuery() => WithHeader("ConsistencyLevel", "eventual");

    /// <summary>Appends one query option, after the path's own query when it has one; the value is escaped.</summary>
    public static string WithOption(string url, string name, string value) =>
        url + (url.IndexOf('?') >= 0 ? "&" : "?") + name + "=" + Uri.EscapeDataString(value);

    /// <summary>Whether the url's query already holds the option (with or without its $, as Graph reads both).</summary>
    private static bool HasOption(string url, string bareName)
    {
        int query = url.IndexOf('?');
        if (query < 0)
        {
            return false;
        }

        return url.Substring(query + 1).Split('&').Any(part =>
        {
            string name = Uri.UnescapeDataString(part.Split('=')[0]).TrimStart('$');
            return string.Equals(name, bareName, StringComparison.OrdinalIgnoreCase);
        });
    }
}
