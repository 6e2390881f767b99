using System.Collections.Concurrent;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Graph;

/// <summary>
/// Reads a value per key once per run, 20 keys to a JSON batch: thousands of grants name the same few apps. A caller
/// asking for a key another caller is already reading waits for that read instead of sending its own; a read that
/// failed outright is forgotten, so a later caller may try again.
/// </summary>
public sealed class OncePerRunLookup<TValue>
{
    private readonly GraphBatchClient _batch;
    private readonly Func<string, GraphBatchItem> _itemFor;
    private readonly Func<GraphBatchResult, TValue> _read;
    private readonly ConcurrentDictionary<string, Task<TValue>> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="batch">The connection's batch client.</param>
    /// <param name="itemFor">The request that reads one key.</param>
    /// <param name="read">The value from Graph's answer, whatever it was (an error is a value too: callers report it).</param>
    public OncePerRunLookup(GraphBatchClient batch, Func<string, GraphBatchItem> itemFor, Func<GraphBatchResult, TValue> read)
    {
        _batch = batch;
        _itemFor = itemFor;
        _read = read;
    }

    /// <summary>Keys read (or being read) so far, each once.</summary>
    public int Read => _known.Count;

    /// <summary>Each distinct key's value.</summary>
    public async Task<IReadOnlyDictionary<string, TValue>> LookUpAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        string[] asked = keys.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var mine = new Dictionary<string, TaskCompletionSource<TValue>>(StringComparer.OrdinalIgnoreCase);
        var awaited = new Dictionary<string, Task<TValue>>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in asked)
        {
            // Each key's task is held from here on: a claimant that fails forgets its keys, and a waiter must still
            // learn why rather than find the key gone.
            var claim = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            awaited[key] = _known.GetOrAdd(key, claim.Task);
            if (awaited[key] == claim.Task)
            {
                mine[key] = claim;
            }
        }

        try
        {
            foreach (List<string> chunk in mine.Keys.InChunksOf(GraphBatchClient.MaxItemsPerBatch))
            {
                IReadOnlyList<GraphBatchResult> answers = await _batch.SendAsync(GraphBatchItem.InOrder(chunk.Select(_itemFor)), cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < chunk.Count; i++)
                {
                    mine[chunk[i]].SetResult(_read(answers[i]));
                }
            }
        }
        catch (Exception ex)
        {
            foreach (KeyValuePair<string, TaskCompletionSource<TValue>> unread in mine.Where(m => !m.Value.Task.IsCompleted))
            {
                _known.TryRemove(unread.Key, out _);
                unread.Value.TrySetException(ex);
            }

            throw;
        }

        var values = new Dictionary<string, TValue>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in asked)
        {
            values[key] = await awaited[key].ConfigureAwait(false);
        }

        return values;
    }
}
