using System.Text.Json.Nodes;

namespace IdentityContainment.Graph;

/// <summary>
/// One page of a Graph collection: its items, and the link to the next page when more follow. Graph pages every
/// collection on the server side (the paging docs: GET /users gives 100 a page by default), so a reader that stops at
/// the first page silently misses the rest.
/// </summary>
public sealed record CollectionPage(IReadOnlyList<JsonNode> Items, string? NextLink)
{
    public static CollectionPage Read(JsonNode? body)
    {
        var items = new List<JsonNode>();
        foreach (JsonNode? item in GraphJson.Property(body, "value") as JsonArray ?? new JsonArray())
        {
            if (item is not null)
            {
                items.Add(item);
            }
        }

        string? next = GraphJson.Text(body, "@odata.nextLink") is { Length: > 0 } text ? text : null;
        return new CollectionPage(items, next);
    }

    /// <summary>
    /// The next page's address relative to the version root (/users?...&amp;$skiptoken=...), as a batch item wants it;
    /// null when the link leads anywhere but under <paramref name="graphEndpoint"/>. The link is used whole: it carries
    /// every query option of the first request (paging docs).
    /// </summary>
    public static string? RelativeToVersionRoot(string nextLink, Uri graphEndpoint)
    {
        if (!Uri.TryCreate(nextLink, UriKind.Absolute, out Uri? link))
        {
            return null;
        }

        string root = graphEndpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        string full = link.GetLeftPart(UriPartial.Path);
        bool sameService = string.Equals(link.GetLeftPart(UriPartial.Authority), graphEndpoint.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
        if (!sameService || !full.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return full.Substring(root.Length) + link.Query;
    }
}
