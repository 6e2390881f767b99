using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Server-side paging of one collection request, as Graph does it (paging docs, CONTRACT §0): a page holds the
/// resource's default number of items or the client's $top, and when more follow, @odata.nextLink repeats the request's
/// query options with a $skiptoken. The token is opaque to clients; it names the collection and the key of the last item
/// served, so paging resumes correctly even when items change between pages, and a token cannot be replayed on another
/// collection.
/// </summary>
internal sealed class CollectionPaging
{
    private readonly GraphCallContext _context;

    private CollectionPaging(GraphCallContext context, int size, string? afterKey)
    {
        _context = context;
        Size = size;
        AfterKey = afterKey;
    }

    /// <summary>How many items this page may hold.</summary>
    public int Size { get; }

    /// <summary>The key of the last item the previous page served; null on the first page.</summary>
    public string? AfterKey { get; }

    /// <summary>
    /// Reads $top and $skiptoken; the error is the 400 Graph gives for an out-of-range $top (observed on GET /users with
    /// $top=1000: "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.", Microsoft Q&amp;A 1129204)
    /// or a bad token.
    /// </summary>
    public static (CollectionPaging? Paging, GraphResponse? Error) Read(GraphCallContext context, CollectionPageSizes sizes)
    {
        var query = context.Query;
        if (!query.TopIsValid(sizes.MaxTop))
            return (null, GraphResponse.Error(400, "Request_BadRequest", $"Invalid page size specified: '{query.Get("$top")}'. Must be between 1 and {sizes.MaxTop} inclusive."));
        string? afterKey = null;
        if (query.SkipToken is { } token && !TryReadToken(token, CollectionName(context), out afterKey))
            return (null, GraphResponse.Error(400, "Request_BadRequest", "The specified page token value has expired or is invalid."));
        var size = query.Top ?? sizes.Default;
        if (context.Paging.MaxPageSize is { } forced)
            size = Math.Min(size, Math.Max(1, forced));
        return (new CollectionPaging(context, size, afterKey), null);
    }

    /// <summary>The page after <see cref="AfterKey"/> of items already in their stable order (ordinal by key).</summary>
    public (IReadOnlyList<T> Page, bool HasMore) Take<T>(IEnumerable<T> ordered, Func<T, string> key)
    {
        var rest = AfterKey is null ? ordered : ordered.Where(item => string.CompareOrdinal(key(item), AfterKey) > 0);
        var page = rest.Take(Size + 1).ToList();
        var hasMore = page.Count > Size;
        if (hasMore)
            page.RemoveAt(Size);
        return (page, hasMore);
    }

    /// <summary>
    /// Finishes a collection answer whose head (@odata.context, @odata.count) is written: the next link when more
    /// follow, then the page's items as <paramref name="project"/> shows them.
    /// </summary>
    public GraphResponse Answer<T>(JsonObject head, IReadOnlyList<T> page, bool hasMore, Func<T, string> key, Func<T, JsonNode> project)
    {
        if (hasMore)
            head["@odata.nextLink"] = NextLink(key(page[^1]));
        head["value"] = new JsonArray(page.Select(project).ToArray());
        return GraphResponse.Ok(head);
    }

    /// <summary>The link to the page after the item with <paramref name="lastKey"/>: same path and options, a new token.</summary>
    public string NextLink(string lastKey)
    {
        var rest = _context.Query.Rebuild("$skiptoken");
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CollectionName(_context) + "\n" + lastKey));
        return $"{_context.Request.GraphBaseUri}{_context.Request.Path}?{rest}{(rest.Length > 0 ? "&" : "")}$skiptoken={token}";
    }

    // The path as the caller wrote it (/me/... stays /me/...), compared ignoring case as Graph's paths are.
    private static string CollectionName(GraphCallContext context) => GraphPath.Decoded(context.Request.Path).ToUpperInvariant();

    private static bool TryReadToken(string token, string collection, out string? afterKey)
    {
        afterKey = null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var newline = text.IndexOf('\n');
            if (newline < 0 || text[..newline] != collection)
                return false;
            afterKey = text[(newline + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
