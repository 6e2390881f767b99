using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using IdentityContainment.Connection;

namespace IdentityContainment.Graph;

/// <summary>
/// One list read page by page through single calls (a tenant-wide scan: every grant, every service principal, the
/// audit log): each page is handed over as it arrives, while the next is already on its way. Graph's @odata.nextLink
/// is followed whole, as it carries every query option (paging docs), and only while it stays under the connection's
/// own Graph; the request's headers (ConsistencyLevel) go with every page, as the link does not carry them.
/// </summary>
public static class SingleListReads
{
    public static async IAsyncEnumerable<ListPage<ListRequest>> ReadListAsync(
        this GraphConnection connection,
        ListRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<PageAnswer> next = FetchAsync(connection, request, request.Url, stop.Token);
        try
        {
            for (int number = 1; ; number++)
            {
                PageAnswer answer = await next.ConfigureAwait(false);
                if (answer.Failure is not null)
                {
                    yield return new ListPage<ListRequest>(request, number, Array.Empty<JsonNode>(), ListOutcome.NotAnswered(number - 1, answer.Failure), null);
                    yield break;
                }

                GraphCallAnswer call = answer.Call!;
                if (!call.IsSuccess)
                {
                    yield return new ListPage<ListRequest>(request, number, Array.Empty<JsonNode>(), ListOutcome.Failed(number - 1, call.Error), call.RequestId);
                    yield break;
                }

                CollectionPage page = CollectionPage.Read(call.Body);
                if (page.NextLink is null)
                {
                    yield return new ListPage<ListRequest>(request, number, page.Items, ListOutcome.Complete(number), call.RequestId);
                    yield break;
                }

                if (CollectionPage.RelativeToVersionRoot(page.NextLink, connection.GraphEndpoint) is not { } nextUrl)
                {
                    yield return new ListPage<ListRequest>(request, number, page.Items, ListOutcome.LinkOffGraph(number, call.RequestId), call.RequestId);
                    yield break;
                }

                // Ask for the next page before handing this one over: Graph works while the caller scores.
                next = FetchAsync(connection, request, nextUrl, stop.Token);
                yield return new ListPage<ListRequest>(request, number, page.Items, null, call.RequestId);
            }
        }
        finally
        {
            // A caller that stops early leaves a page on its way: cancel it and let it end before the source goes.
            stop.Cancel();
            await Settled(next).ConfigureAwait(false);
        }
    }

    private static async Task<PageAnswer> FetchAsync(GraphConnection connection, ListRequest list, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, connection.UriFor(url));
        foreach (KeyValuePair<string, string> header in list.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        try
        {
            return new PageAnswer(await connection.AnswerAsync(request, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new PageAnswer(null, ex);
        }
    }

    private static async Task Settled(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed record PageAnswer(GraphCallAnswer? Call, Exception? Failure);
}
