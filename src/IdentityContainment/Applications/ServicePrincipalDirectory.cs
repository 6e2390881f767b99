using System.Collections.Concurrent;
using IdentityContainment.Detection.OAuth;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Applications;

/// <summary>
/// Every service principal a run meets, read once: grants name their client and resource by object id, and thousands
/// of grants name the same few apps. Ids not yet known go out together, 20 to a JSON batch; a caller asking for an id
/// another caller is already reading waits for that read instead of sending its own.
/// </summary>
public sealed class ServicePrincipalDirectory
{
    private readonly GraphBatchClient _batch;
    private readonly ConcurrentDictionary<string, Task<ServicePrincipalLookup>> _known = new(StringComparer.OrdinalIgnoreCase);

    public ServicePrincipalDirectory(GraphBatchClient batch) => _batch = batch;

    /// <summary>Service principals read from Graph so far (each at most once).</summary>
    public int Read => _known.Count;

    /// <summary>Each id's service principal, or why it could not be read, in the order asked.</summary>
    public async Task<IReadOnlyList<ServicePrincipalLookup>> LookUpAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        string[] asked = ids.ToArray();
        var mine = new Dictionary<string, TaskCompletionSource<ServicePrincipalLookup>>(StringComparer.OrdinalIgnoreCase);
        foreach (string id in asked.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var claim = new TaskCompletionSource<ServicePrincipalLookup>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_known.TryAdd(id, claim.Task))
            {
                mine[id] = claim;
            }
        }

        foreach (List<string> chunk in mine.Keys.InChunksOf(GraphBatchClient.MaxItemsPerBatch))
        {
            GraphBatchItem[] items = GraphBatchItem.InOrder(chunk.Select(id => new GraphBatchItem("GET", $"/servicePrincipals/{Uri.EscapeDataString(id)}?$select={ServicePrincipalJson.Select}")));
            IReadOnlyList<GraphBatchResult> answers;
            try
            {
                answers = await _batch.SendAsync(items, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Forget what was not read, so a later caller may try again; whoever waits on it learns why.
                foreach (KeyValuePair<string, TaskCompletionSource<ServicePrincipalLookup>> unread in mine.Where(m => !m.Value.Task.IsCompleted))
                {
                    _known.TryRemove(unread.Key, out _);
                    unread.Value.TrySetException(ex);
                }

                throw;
            }

            for (int i = 0; i < chunk.Count; i++)
            {
                mine[chunk[i]].SetResult(answers[i].IsSuccess && answers[i].Body is { } body
                    ? new ServicePrincipalLookup(chunk[i], ServicePrincipalJson.Read(body), null)
                    : new ServicePrincipalLookup(chunk[i], null, answers[i].Error));
            }
        }

        var found = new Dictionary<string, ServicePrincipalLookup>(StringComparer.OrdinalIgnoreCase);
        foreach (string id in asked.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            found[id] = await _known[id].ConfigureAwait(false);
        }

        return asked.Select(id => found[id]).ToArray();
    }
}

/// <summary>One service principal as read, or the error Graph gave instead.</summary>
public sealed record ServicePrincipalLookup(string Id, ServicePrincipalFacts? ServicePrincipal, GraphError? Error);
