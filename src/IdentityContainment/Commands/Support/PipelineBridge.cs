using System.Collections.Concurrent;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// Runs Graph work off the pipeline thread and brings what it produces back to it: PowerShell streams may only be
/// written from the pipeline thread. Workers post writes; the cmdlet drains them while it waits, so output streams as
/// each piece of work finishes.
/// </summary>
internal sealed class PipelineBridge : IGraphActivityObserver, IWorkRunner
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly BlockingCollection<Action> _writes = new();
    private readonly List<Task> _work = new();
    private readonly Action<string> _writeVerbose;
    private readonly Action<Exception> _writeUnexpected;

    public PipelineBridge(Action<string> writeVerbose, Action<Exception> writeUnexpected)
    {
        _writeVerbose = writeVerbose;
        _writeUnexpected = writeUnexpected;
    }

    public int Running
    {
        get
        {
            _work.RemoveAll(t => t.IsCompleted);
            return _work.Count;
        }
    }

    /// <summary>Queues a write for the pipeline thread. Safe from any thread.</summary>
    public void Post(Action write) => _writes.Add(write);

    /// <summary>Starts work on the thread pool, with this bridge observing its Graph calls.</summary>
    public void Start(Func<Task> work, CancellationToken stopping)
    {
        IGraphActivityObserver? previous = GraphActivity.Current;
        GraphActivity.Current = this;
        try
        {
            Task running = Task.Run(async () =>
            {
                try
                {
                    await work().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // Ctrl+C: the pipeline is stopping; nothing more may be written.
                }
                catch (Exception ex)
                {
                    Post(() => _writeUnexpected(ex));
                }
            });

            // Wakes the waiting pipeline thread once the work has completed, not just before: woken earlier, it would
            // still count the work as running and sleep a whole poll interval.
            _ = running.ContinueWith(_ => Post(static () => { }), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _work.Add(running);
        }
        finally
        {
            GraphActivity.Current = previous;
        }
    }

    /// <summary>Writes whatever is ready without waiting.</summary>
    public void Drain()
    {
        while (_writes.TryTake(out Action? write))
        {
            write();
        }
    }

    /// <summary>Writes as work produces, until <paramref name="done"/> holds; Ctrl+C ends the wait.</summary>
    public void WaitUntil(Func<bool> done, CancellationToken stopping)
    {
        while (!done())
        {
            if (_writes.TryTake(out Action? write, (int)PollInterval.TotalMilliseconds, stopping))
            {
                write();
            }
        }

        Drain();
    }

    public void WaitForAll(CancellationToken stopping) => WaitUntil(() => Running == 0, stopping);

    void IGraphActivityObserver.OnCall(GraphCallRecord call) => Post(() => _writeVerbose(call.ToString()));

    void IGraphActivityObserver.OnRetry(string method, string path, int status, TimeSpan delay, int nextAttempt, string? failure) =>
        Post(() => _writeVerbose($"Graph {method} {path} {(failure is null ? $"answered {status}" : $"gave no answer ({failure})")}; attempt {nextAttempt} in {delay.TotalSeconds:0.###} s."));
}
