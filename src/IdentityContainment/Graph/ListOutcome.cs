namespace IdentityContainment.Graph;

/// <summary>
/// How a paged list ended: read to its last page, or stopped at a page Graph did not give. A list that stopped is
/// partial: the items already handed over are only part of it, and no decision may treat them as the whole.
/// </summary>
public sealed record ListOutcome
{
    private ListOutcome(int pagesRead, GraphError? error, Exception? unanswered)
    {
        PagesRead = pagesRead;
        Error = error;
        Unanswered = unanswered;
    }

    /// <summary>Pages read whole (their items were handed over).</summary>
    public int PagesRead { get; }

    /// <summary>Graph's error for the page that failed; null when the list is complete or Graph never answered.</summary>
    public GraphError? Error { get; }

    /// <summary>What kept Graph from answering the page that failed (network, timeout after every retry).</summary>
    public Exception? Unanswered { get; }

    public bool IsComplete => Error is null && Unanswered is null;

    /// <summary>The 1-based page the list stopped at; null when it is complete.</summary>
    public int? FailedAtPage => IsComplete ? null : PagesRead + 1;

    public static ListOutcome Complete(int pagesRead) => new(pagesRead, null, null);

    public static ListOutcome Failed(int pagesRead, GraphError error) => new(pagesRead, error, null);

    public static ListOutcome NotAnswered(int pagesRead, Exception failure) => new(pagesRead, null, failure);

    /// <summary>
    /// Graph's @odata.nextLink led off the connection's own Graph: the rest of the list is not read (a token is never
    /// sent anywhere else), so the list is partial.
    /// </summary>
    internal static ListOutcome LinkOffGraph(int pagesRead, string? requestId) =>
        Failed(pagesRead, new GraphError(
            502,
            "UnexpectedNextLink",
            "Graph's @odata.nextLink pointed outside the connection's Graph endpoint, so the rest of the list was not read.",
            requestId));

    public override string ToString() =>
        IsComplete ? $"complete ({PagesRead} pages)"
        : Error is not null ? $"failed at page {FailedAtPage}: {Error.Status} {Error.Code}: {Error.Message}"
        : $"failed at page {FailedAtPage}: {Unanswered!.GetType().Name}: {Unanswered.Message}";
}
