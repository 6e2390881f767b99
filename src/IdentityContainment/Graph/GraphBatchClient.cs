using System.Text;
using System.Text.Json.Nodes;
using IdentityContainment.Graph.Budgets;

namespace IdentityContainment.Graph;

/// <summary>
/// Sends JSON batches (up to 20 requests in one HTTP call) and retries the items Graph throttled inside a successful
/// batch: each item is throttled on its own, so a 200 batch can hold 429 items with their own Retry-After.
/// </summary>
public sealed class GraphBatchClient
{
    public const int MaxItemsPerBatch = 20;

    /// <summary>Batches on the wire at once per connection: enough to hide latency, few enough to stay inside Graph's budgets.</summary>
    public const int MaxBatchesInFlight = 4;

    private readonly HttpClient _http;
    private readonly Uri _batchUri;
    private readonly RetryPolicy _policy;
    private readonly GraphCallStatistics _statistics;
    private readonly ThrottleBudgets _budgets;
    private readonly SemaphoreSlim _inFlight = new(MaxBatchesInFlight, MaxBatchesInFlight);

    internal GraphBatchClient(HttpClient http, Uri graphEndpoint, RetryPolicy policy, GraphCallStatistics statistics, ThrottleBudgets budgets)
    {
        _budgets = budgets;
        _http = http;
        GraphEndpoint = graphEndpoint;
        _batchUri = new Uri(graphEndpoint.AbsoluteUri.TrimEnd('/') + "/$batch");
        _policy = policy;
        _statistics = statistics;
    }

    /// <summary>The version root (https://graph.microsoft.com/v1.0) that item urls are relative to.</summary>
    public Uri GraphEndpoint { get; }

    /// <summary>
    /// Sends the items and returns one final result for each: success, a permanent error, or the last transient error once
    /// retries are spent. An item is never reported twice. Before each round every item takes what its request class
    /// needs from the connection's budgets; items the budgets cannot take yet (a fifth request to one mailbox, a second
    /// Identity Protection request) wait for a following round, and items Graph throttled go again and pay again.
    /// </summary>
    public async Task<IReadOnlyList<GraphBatchResult>> SendAsync(IReadOnlyList<GraphBatchItem> items, CancellationToken cancellationToken)
    {
        if (items.Count > MaxItemsPerBatch)
        {
            throw new ArgumentException($"A Graph batch holds at most {MaxItemsPerBatch} requests; got {items.Count}.", nameof(items));
        }

        List<List<GraphBatchItem>> pending = BatchChains.Of(items);
        var final = new Dictionary<string, GraphBatchResult>(StringComparer.OrdinalIgnoreCase);
        var attempts = items.ToDictionary(i => i.Id, _ => 1, StringComparer.OrdinalIgnoreCase);
        while (pending.Count > 0)
        {
            IReadOnlyList<BudgetLease?> leases = await _budgets.AdmitAsync(pending.Select(NeedsOf).ToList(), cancellationToken).ConfigureAwait(false);
            var admitted = pending.Where((_, i) => leases[i] is not null).ToList();
            var held = pending.Where((_, i) => leases[i] is null).ToList();
            IReadOnlyList<GraphBatchResult>[] answers = await Task.WhenAll(
                Envelopes(admitted, leases.OfType<BudgetLease>().ToList()).Select(e => SendEnvelopeAsync(e.Items, e.Leases, cancellationToken))).ConfigureAwait(false);
            var answered = answers.SelectMany(a => a).GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

            var again = new List<List<GraphBatchItem>>();
            TimeSpan wait = TimeSpan.Zero;
            foreach (List<GraphBatchItem> chain in admitted)
            {
                var retried = new List<GraphBatchItem>();
                foreach (GraphBatchItem item in chain)
                {
                    GraphBatchResult result = answered.TryGetValue(item.Id, out GraphBatchResult? own) ? own : MissingAnswer(item);
                    if (result.Status == 429)
                    {
                        _statistics.CountThrottled();
                    }

                    int attempt = attempts[item.Id];
                    if (result.Status == 424 && item.DependsOn.Any(d => retried.Any(r => r.Id == d)))
                    {
                        // Graph did not run it because the item before it failed, and that one goes again: so does this,
                        // behind it, without spending an attempt of its own.
                        retried.Add(item);
                    }
                    else if (_policy.ShouldRetry(result.Status, item.Repeatable, attempt))
                    {
                        retried.Add(item);
                        attempts[item.Id] = attempt + 1;
                        result.Headers.TryGetValue("Retry-After", out string? retryAfter);
                        TimeSpan delay = _policy.DelayFor(retryAfter, attempt);
                        wait = delay > wait ? delay : wait;
                        _statistics.CountRetry();
                        GraphActivity.Current?.OnRetry(item.Method, item.Url + " (in batch)", result.Status, delay, attempt + 1);
                    }
                    else
                    {
                        final[item.Id] = result;
                    }
                }

                again.AddRange(BatchChains.Of(WithoutSettledDependencies(retried)));
            }

            pending = again.Concat(held).ToList();
            if (again.Count > 0)
            {
                // Graph's advice: retry the throttled items together in a new batch after the longest Retry-After.
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        return items.Select(i => final[i.Id]).ToList();
    }

    private static BudgetNeeds NeedsOf(List<GraphBatchItem> chain) =>
        BudgetNeeds.Of(chain.Select(i => RequestClassifier.Classify(i.Method, i.Url)).ToList());

    /// <summary>
    /// The round's batches: every lone item together (a parallel batch), and each chain on its own (a sequential one),
    /// since Graph takes no mix. Each carries the leases of its units, given back when its answer is in.
    /// </summary>
    private static IEnumerable<(List<GraphBatchItem> Items, List<BudgetLease> Leases)> Envelopes(List<List<GraphBatchItem>> units, List<BudgetLease> leases)
    {
        var lone = units.Select((unit, i) => (unit, lease: leases[i])).Where(u => u.unit.Count == 1).ToList();
        if (lone.Count > 0)
        {
            yield return (lone.Select(u => u.unit[0]).ToList(), lone.Select(u => u.lease).ToList());
        }

        foreach ((List<GraphBatchItem> unit, BudgetLease lease) in units.Select((unit, i) => (unit, leases[i])).Where(u => u.unit.Count > 1))
        {
            yield return (unit, new List<BudgetLease> { lease });
        }
    }

    /// <summary>An item retried without the item it depended on (that one succeeded) no longer waits for it.</summary>
    private static List<GraphBatchItem> WithoutSettledDependencies(List<GraphBatchItem> retried) =>
        retried.Select(item => item.DependsOn.All(d => retried.Any(r => r.Id == d))
            ? item
            : item with { DependsOn = item.DependsOn.Where(d => retried.Any(r => r.Id == d)).ToArray() }).ToList();

    private async Task<IReadOnlyList<GraphBatchResult>> SendEnvelopeAsync(List<GraphBatchItem> items, List<BudgetLease> leases, CancellationToken cancellationToken)
    {
        try
        {
            await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await SendOnceAsync(items, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _inFlight.Release();
            }
        }
        finally
        {
            // Outlook counts a request in flight until its answer is back; the answer is read in full by now.
            foreach (BudgetLease lease in leases)
            {
                lease.Dispose();
            }
        }
    }

    private async Task<IReadOnlyList<GraphBatchResult>> SendOnceAsync(IReadOnlyList<GraphBatchItem> items, CancellationToken cancellationToken)
    {
        var requests = new JsonArray();
        foreach (GraphBatchItem item in items)
        {
            requests.Add(item.ToRequestJson());
        }

        string payload = new JsonObject { ["requests"] = requests }.ToJsonString();
        using var message = new HttpRequestMessage(HttpMethod.Post, _batchUri)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (items.All(i => i.Repeatable))
        {
            TransientRetryHandler.MarkRepeatable(message);
        }

        using HttpResponseMessage response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        JsonNode? body = await GraphCall.ReadJsonAsync(response).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The whole batch failed (malformed, unauthorized, throttled past every retry): every item shares that answer.
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (GraphCallLogHandler.HeaderValue(response, "request-id") is { } requestId)
            {
                headers["request-id"] = requestId;
            }

            return items.Select(i => new GraphBatchResult(i.Id, (int)response.StatusCode, body?.DeepClone(), headers)).ToList();
        }

        return ReadResponses(body, GraphCallLogHandler.HeaderValue(response, "request-id"));
    }

    /// <summary>
    /// Each item keeps its own request-id, the one that traces that item: its own header when Graph sends one, or the
    /// innerError of its error body. The batch's request-id is kept apart, as the fallback for items that carry neither.
    /// </summary>
    private static List<GraphBatchResult> ReadResponses(JsonNode? body, string? batchRequestId)
    {
        var results = new List<GraphBatchResult>();
        if (body?["responses"] is not JsonArray responses)
        {
            return results;
        }

        foreach (JsonObject response in responses.OfType<JsonObject>())
        {
            if (GraphJson.Text(response, "id") is not { } id)
            {
                continue;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (response["headers"] is JsonObject headerObject)
            {
                foreach (KeyValuePair<string, JsonNode?> header in headerObject)
                {
                    headers[header.Key] = header.Value?.ToString() ?? string.Empty;
                }
            }

            int status = GraphJson.Number(response, "status") ?? 500;
            results.Add(new GraphBatchResult(id, status, response["body"]?.DeepClone(), headers) { BatchRequestId = batchRequestId });
        }

        return results;
    }

    /// <summary>Graph answers every item; if one is missing, treat it as a service error rather than inventing success.</summary>
    private static GraphBatchResult MissingAnswer(GraphBatchItem item) =>
        new(item.Id, 502, JsonNode.Parse("{\"error\":{\"code\":\"MissingBatchResponse\",\"message\":\"The batch response had no answer for this request.\"}}"), new Dictionary<string, string>());
}
