namespace IdentityContainment.Graph;

/// <summary>
/// Groups a call's items into the units the batch client sends whole: a lone item, or a chain of items linked by
/// dependsOn, in the order Graph must run them. Graph runs a batch fully parallel or fully sequential and refuses a
/// mix with 400 "Batch should be either fully sequential or fully parallel" (microsoft-graph-docs issue 16280), so
/// each chain goes as a sequential batch of its own; and a dependency must be an earlier request of the same batch
/// (msgraph-sdk-dotnet-core issue 891), so a chain is never split.
/// </summary>
internal static class BatchChains
{
    /// <summary>The units, in the order their first item was given; throws on ids or dependencies Graph would refuse.</summary>
    public static List<List<GraphBatchItem>> Of(IReadOnlyList<GraphBatchItem> items)
    {
        // Graph compares request ids ignoring case ("Request Id A has to be unique in a batch.").
        var byId = new Dictionary<string, GraphBatchItem>(StringComparer.OrdinalIgnoreCase);
        foreach (GraphBatchItem item in items)
        {
            if (string.IsNullOrEmpty(item.Id) || byId.ContainsKey(item.Id))
            {
                throw new ArgumentException($"Batch item ids must be present and unique (ignoring case); '{item.Id}' is not.", nameof(items));
            }

            byId[item.Id] = item;
        }

        var dependent = new Dictionary<string, GraphBatchItem>(StringComparer.Ordinal);
        foreach (GraphBatchItem item in items)
        {
            if (item.DependsOn.Count > 1)
            {
                throw new ArgumentException($"Batch item '{item.Id}' depends on {item.DependsOn.Count} items; a sequential batch is a chain, each item after one other.", nameof(items));
            }

            foreach (string dependency in item.DependsOn)
            {
                // Exactly as written: whether Graph would match "A" to "a" here is not documented.
                if (!byId.TryGetValue(dependency, out GraphBatchItem? target) || target.Id != dependency || target == item)
                {
                    throw new ArgumentException($"Batch item '{item.Id}' depends on '{dependency}', which is not another item of the same call.", nameof(items));
                }

                if (dependent.ContainsKey(dependency))
                {
                    throw new ArgumentException($"Two batch items depend on '{dependency}'; a sequential batch is a chain, each item followed by at most one.", nameof(items));
                }

                dependent[dependency] = item;
            }
        }

        var units = new List<List<GraphBatchItem>>();
        int placed = 0;
        foreach (GraphBatchItem head in items.Where(i => i.DependsOn.Count == 0))
        {
            var chain = new List<GraphBatchItem> { head };
            while (dependent.TryGetValue(chain[chain.Count - 1].Id, out GraphBatchItem? next))
            {
                chain.Add(next);
            }

            placed += chain.Count;
            units.Add(chain);
        }

        if (placed != items.Count)
        {
            throw new ArgumentException("Batch items depend on each other in a circle; nothing could run first.", nameof(items));
        }

        // Keep the caller's order for the units, by their first item's position.
        var position = items.Select((item, index) => (item.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.OrdinalIgnoreCase);
        return units.OrderBy(u => u.Min(i => position[i.Id])).ToList();
    }
}
