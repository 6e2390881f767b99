using System.Text.Json.Nodes;

namespace IdentityContainment.Graph;

/// <summary>
/// One page of a list as it arrives, tagged with the list it belongs to. The last page of each list carries its
/// <see cref="Outcome"/>: complete, or failed (then the page holds no items of the failed page, and every item handed
/// over before belongs to a partial list).
/// </summary>
/// <param name="List">The caller's tag for the list (a user, a request).</param>
/// <param name="Number">The page's 1-based position in its list.</param>
/// <param name="Items">The page's items; empty for a page Graph did not give.</param>
/// <param name="Outcome">Null while more pages follow; set on the list's last page.</param>
/// <param name="RequestId">The request-id of the call (or batch item) that brought this page.</param>
public sealed record ListPage<TList>(TList List, int Number, IReadOnlyList<JsonNode> Items, ListOutcome? Outcome, string? RequestId)
{
    public bool IsLast => Outcome is not null;
}
