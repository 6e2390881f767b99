using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The checks every plain collection read makes before it pages: the query options the resource serves, its $select,
/// its paging ($top, $skiptoken) and its $filter. Options that need the advanced-query headers ($orderby, $search,
/// $count, $expand, $skip: CONTRACT §0) are not modelled and are refused, never ignored.
/// </summary>
internal sealed class CollectionQuery<T>
{
    private CollectionQuery(CollectionPaging paging, IReadOnlyList<string>? select, Func<T, bool> match)
    {
        Paging = paging;
        Select = select;
        Match = match;
    }

    public CollectionPaging Paging { get; }

    /// <summary>The $select list in Graph's casing; null for every property.</summary>
    public IReadOnlyList<string>? Select { get; }

    /// <summary>The compiled $filter; matches everything without one.</summary>
    public Func<T, bool> Match { get; }

    /// <param name="allowSelect">False for resources whose page lists no $select (directory audits).</param>
    /// <param name="allowOr">False for resources whose page documents only <c>and</c> in $filter (sign-ins).</param>
    public static (CollectionQuery<T>? Query, GraphResponse? Error) Read(GraphCallContext context, EntityProperties<T> properties,
        IReadOnlyDictionary<string, FilterableProperty<T>> filterable, CollectionPageSizes sizes, bool allowSelect = true, bool allowOr = true)
    {
        var query = context.Query;
        if (query.Has("$orderby") || query.Has("$search") || query.Has("$count") || query.Has("$expand") || query.Has("$skip")
            || (!allowSelect && query.Has("$select")))
            return (null, GraphResponse.UnsupportedQuery());
        if (!properties.TryResolveSelect(query.Select, out var select, out var selectError))
            return (null, selectError);
        var (paging, pagingError) = CollectionPaging.Read(context, sizes);
        if (pagingError is not null)
            return (null, pagingError);
        if (!ODataFilter.TryCompile(query.Filter, filterable, out var match, out var filterError, allowOr))
            return (null, filterError);
        return (new CollectionQuery<T>(paging!, select, match), null);
    }

    /// <summary>Pages <paramref name="ordered"/> (already in ordinal order of <paramref name="key"/>) and answers with it.</summary>
    public GraphResponse Answer(string entitySet, IEnumerable<T> ordered, Func<T, string> key, EntityProperties<T> properties)
    {
        var (page, hasMore) = Paging.Take(ordered.Where(Match), key);
        return Answer(entitySet, page, hasMore, key, properties);
    }

    /// <summary>Answers with a page the caller took itself (from an index).</summary>
    public GraphResponse Answer(string entitySet, IReadOnlyList<T> page, bool hasMore, Func<T, string> key, EntityProperties<T> properties) =>
        Paging.Answer(new JsonObject { ["@odata.context"] = GraphContext.Collection(entitySet, Select) }, page, hasMore, key,
            item => properties.Project(item, Select));
}
