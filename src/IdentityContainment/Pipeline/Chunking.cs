namespace IdentityContainment.Pipeline;

/// <summary>Splits work into pieces no larger than a Graph limit (items per batch, ids per query, users per call).</summary>
internal static class Chunking
{
    /// <summary>Consecutive pieces of at most <paramref name="size"/> items, in order (.NET Framework has no Chunk).</summary>
    public static IEnumerable<List<T>> InChunksOf<T>(this IEnumerable<T> source, int size)
    {
        var chunk = new List<T>(size);
        foreach (T item in source)
        {
            chunk.Add(item);
            if (chunk.Count == size)
            {
                yield return chunk;
                chunk = new List<T>(size);
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
