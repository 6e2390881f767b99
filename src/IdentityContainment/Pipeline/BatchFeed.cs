namespace IdentityContainment.Pipeline;

/// <summary>
/// Turns input arriving one item at a time (pipeline objects, or a tenant-wide list as it is read) into batches of
/// distinct items worked on a few at a time, and owns the timing the gathering readers depend on: they are told when
/// input flows, when the feed waits for room, and when input has ended, and each batch joins them before it starts.
/// Called from one feeding thread; batches run on the <see cref="IWorkRunner"/>.
/// </summary>
public sealed class BatchFeed<T>
{
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<T, string> _keyOf;
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _work;
    private readonly IWorkRunner _runner;
    private readonly IReadOnlyList<IGatheringReader> _readers;
    private readonly CancellationToken _stopping;
    private List<T> _pending = new();

    public BatchFeed(
        BatchFeedOptions options,
        Func<T, string> keyOf,
        Func<IReadOnlyList<T>, CancellationToken, Task> work,
        IWorkRunner runner,
        IReadOnlyList<IGatheringReader> readers,
        CancellationToken stopping)
    {
        if (options.BatchSize < 1 || options.BatchesAtOnce < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "A feed needs batches of at least one item and room for at least one batch.");
        }

        Options = options;
        _keyOf = keyOf;
        _work = work;
        _runner = runner;
        _readers = readers;
        _stopping = stopping;
        SetFlowing(true);
    }

    public BatchFeedOptions Options { get; }

    /// <summary>Items handed to batches so far.</summary>
    public int Started { get; private set; }

    /// <summary>Items whose batch has finished (posted to the feeding thread, so it only ever grows there).</summary>
    public int Finished { get; private set; }

    /// <summary>Told on the feeding thread each time a batch starts or finishes, for a progress bar.</summary>
    public Action? Progressed { get; set; }

    /// <summary>
    /// Asked on the feeding thread, once per distinct item, whether to work on it (a confirmation, a safety check); by
    /// default everything is admitted.
    /// </summary>
    public Func<T, bool>? Admit { get; set; }

    /// <summary>
    /// Takes an item the first time its key arrives (a repeat, whatever its case, is dropped before anyone is asked about
    /// it) if <see cref="Admit"/> agrees; starts its batch once full, first waiting for room when enough batches run.
    /// </summary>
    public void Offer(T item)
    {
        if (!_seen.Add(_keyOf(item)) || Admit?.Invoke(item) == false)
        {
            return;
        }

        _pending.Add(item);
        if (_pending.Count == Options.BatchSize)
        {
            StartBatch();
        }
    }

    /// <summary>
    /// Offers every item of a source read as it goes (a tenant-wide list), waiting on the feeding thread so that finished
    /// batches keep writing. The source is read on the runner; items are admitted and batches started here.
    /// </summary>
    public void AddFrom(IAsyncEnumerable<T> source)
    {
        var arrived = new System.Collections.Concurrent.ConcurrentQueue<T>();
        int ended = 0;
        Exception? failure = null;
        _runner.Start(
            async () =>
            {
                try
                {
                    await foreach (T item in source.WithCancellation(_stopping).ConfigureAwait(false))
                    {
                        arrived.Enqueue(item);
                        _runner.Post(static () => { });
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    failure = ex;
                }
                finally
                {
                    Volatile.Write(ref ended, 1);
                }
            },
            _stopping);

        while (true)
        {
            _runner.WaitUntil(() => !arrived.IsEmpty || Volatile.Read(ref ended) == 1, _stopping);
            while (arrived.TryDequeue(out T? item))
            {
                Offer(item);
            }

            if (Volatile.Read(ref ended) == 1 && arrived.IsEmpty)
            {
                break;
            }
        }

        if (failure is not null)
        {
            // The items read before the failure have been worked on; the caller reports why the rest were not.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>Starts the last, partial batch and tells the readers that no batch will join any more.</summary>
    public void Complete()
    {
        if (_pending.Count > 0)
        {
            StartBatch();
        }

        SetFlowing(false);
    }

    private void StartBatch()
    {
        List<T> batch = _pending;
        _pending = new List<T>();
        if (_runner.Running >= Options.BatchesAtOnce)
        {
            // No batch can start until one finishes, and finishing may need a read that waits for this batch to join.
            SetFlowing(false);
            _runner.WaitUntil(() => _runner.Running < Options.BatchesAtOnce, _stopping);
            SetFlowing(true);
        }

        // Joined here, on the feeding thread, so no reader sends a read this batch could still have joined.
        IDisposable[] joined = _readers.Select(r => r.Join()).ToArray();
        Started += batch.Count;
        Progressed?.Invoke();
        _runner.Start(
            async () =>
            {
                try
                {
                    await _work(batch, _stopping).ConfigureAwait(false);
                }
                finally
                {
                    foreach (IDisposable participation in joined)
                    {
                        participation.Dispose();
                    }

                    // Done either way: a batch that failed has reported its items' errors.
                    _runner.Post(() =>
                    {
                        Finished += batch.Count;
                        Progressed?.Invoke();
                    });
                }
            },
            _stopping);
    }

    private void SetFlowing(bool flowing)
    {
        foreach (IGatheringReader reader in _readers)
        {
            reader.InputFlowing = flowing;
        }
    }
}
