using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>What a run sent to Graph, counted from the sandbox's request log (tokens and Key Vault left out).</summary>
internal sealed record GraphTraffic
{
    /// <summary>Round trips on the wire: $batch envelopes plus Graph calls sent on their own.</summary>
    public required int HttpRequests { get; init; }

    /// <summary>$batch envelopes whose items are all writes.</summary>
    public required int WriteBatches { get; init; }

    /// <summary>$batch envelopes whose items are all reads.</summary>
    public required int ReadBatches { get; init; }

    /// <summary>Every Graph operation: each $batch item and each call sent on its own.</summary>
    public required int Operations { get; init; }

    public required int BatchItems { get; init; }

    /// <summary>Writes Graph carried out (2xx); these are what the write quota counts.</summary>
    public required int Writes { get; init; }

    /// <summary>429s from the sandbox, whole requests and items inside batches alike.</summary>
    public required int TooManyRequests { get; init; }

    /// <summary>True when the log dropped old entries, so every count above is too low.</summary>
    public required bool LogOverflowed { get; init; }

    public static GraphTraffic From(RequestLog log)
    {
        IReadOnlyList<RequestLogEntry> entries = log.Snapshot();
        List<RequestLogEntry> graph = entries.Where(e => e.Kind == RequestKind.Graph).ToList();
        List<List<RequestLogEntry>> batchItems = graph.Where(e => e.BatchId is not null).GroupBy(e => e.BatchId).Select(g => g.ToList()).ToList();
        return new GraphTraffic
        {
            HttpRequests = entries.Count(e => e.Kind == RequestKind.Batch) + graph.Count(e => e.BatchId is null),
            WriteBatches = batchItems.Count(items => items.All(e => e.IsWrite)),
            ReadBatches = batchItems.Count(items => items.All(e => !e.IsWrite)),
            Operations = graph.Count,
            BatchItems = graph.Count(e => e.BatchId is not null),
            Writes = graph.Count(e => e.IsWrite && e.Status is >= 200 and < 300),
            TooManyRequests = entries.Count(e => e.Kind is RequestKind.Graph or RequestKind.Batch && e.Status == 429),
            LogOverflowed = log.Count >= log.Capacity,
        };
    }
}
