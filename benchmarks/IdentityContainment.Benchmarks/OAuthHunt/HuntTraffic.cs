using IdentityContainment.Benchmarks.MassContainment;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.OAuthHunt;

/// <summary>
/// The hunt's requests by what they were for, counted from the sandbox's request log: operations (each $batch item
/// and each call sent on its own) and round trips (a $batch envelope counts once, under the kind of its items).
/// </summary>
internal sealed record HuntTraffic
{
    /// <summary>Totals, 429s and whether the log overflowed, counted the way the mass benchmark counts them.</summary>
    public required GraphTraffic Totals { get; init; }

    public required IReadOnlyDictionary<HuntRequestKind, int> Operations { get; init; }

    /// <summary>Round trips by kind: single calls, and $batch envelopes whose items are all of that kind.</summary>
    public required IReadOnlyDictionary<HuntRequestKind, int> RoundTrips { get; init; }

    /// <summary>
    /// Time the sandbox spent answering the round trips of each kind (its router's own time: the injected latency is
    /// added outside it, so 50 ms per round trip comes on top). Envelopes mixing kinds are under <see cref="HuntRequestKind.Other"/>.
    /// </summary>
    public required IReadOnlyDictionary<HuntRequestKind, TimeSpan> ServerTime { get; init; }

    /// <summary>$batch envelopes whose items were of more than one kind.</summary>
    public required int MixedBatches { get; init; }

    /// <summary>How often each service principal was read with GET /servicePrincipals/{id}; a 429 answer read nothing and is not counted.</summary>
    public required IReadOnlyDictionary<string, int> ServicePrincipalReads { get; init; }

    public int OperationsOf(HuntRequestKind kind) => Operations.TryGetValue(kind, out int n) ? n : 0;

    public int RoundTripsOf(HuntRequestKind kind) => RoundTrips.TryGetValue(kind, out int n) ? n : 0;

    public TimeSpan ServerTimeOf(HuntRequestKind kind) => ServerTime.TryGetValue(kind, out TimeSpan time) ? time : TimeSpan.Zero;

    public static HuntTraffic From(RequestLog log)
    {
        IReadOnlyList<RequestLogEntry> entries = log.Snapshot();
        List<RequestLogEntry> graph = entries.Where(e => e.Kind == RequestKind.Graph).ToList();
        // By reference: each entry is its own operation, and comparing records field by field would cost more.
        var kinds = new Dictionary<RequestLogEntry, HuntRequestKind>(ReferenceEqualityComparer.Instance);
        foreach (RequestLogEntry entry in graph)
        {
            kinds[entry] = HuntRequestKinds.Of(entry.Path);
        }

        var roundTrips = graph.Where(e => e.BatchId is null).GroupBy(e => kinds[e]).ToDictionary(g => g.Key, g => g.Count());
        var serverTime = graph.Where(e => e.BatchId is null).GroupBy(e => kinds[e]).ToDictionary(g => g.Key, g => Sum(g));

        // The sandbox gives a $batch's items the envelope's request id as their BatchId.
        var envelopes = entries.Where(e => e.Kind == RequestKind.Batch).ToDictionary(e => e.RequestId, StringComparer.Ordinal);
        int mixed = 0;
        foreach (IGrouping<string?, RequestLogEntry> batch in graph.Where(e => e.BatchId is not null).GroupBy(e => e.BatchId))
        {
            HuntRequestKind[] inside = batch.Select(e => kinds[e]).Distinct().ToArray();
            HuntRequestKind kind = inside.Length == 1 ? inside[0] : HuntRequestKind.Other;
            if (inside.Length == 1)
            {
                roundTrips[kind] = roundTrips.GetValueOrDefault(kind) + 1;
            }
            else
            {
                mixed++;
            }

            if (envelopes.TryGetValue(batch.Key!, out RequestLogEntry? envelope))
            {
                serverTime[kind] = serverTime.GetValueOrDefault(kind) + envelope.Duration;
            }
        }

        return new HuntTraffic
        {
            Totals = GraphTraffic.From(log),
            Operations = graph.GroupBy(e => kinds[e]).ToDictionary(g => g.Key, g => g.Count()),
            RoundTrips = roundTrips,
            ServerTime = serverTime,
            MixedBatches = mixed,
            ServicePrincipalReads = graph.Where(e => kinds[e] == HuntRequestKind.ServicePrincipalRead && e.Status != 429)
                .GroupBy(e => HuntRequestKinds.ServicePrincipalId(e.Path), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase),
        };
    }

    private static TimeSpan Sum(IEnumerable<RequestLogEntry> entries) => entries.Aggregate(TimeSpan.Zero, (total, e) => total + e.Duration);
}
