using IdentityContainment.Errors;

namespace IdentityContainment.Pipeline;

/// <summary>
/// A sink that many tasks report to at once (one per mailbox): each report is passed on whole, one at a time, since the
/// sinks behind it (a list, a journal) are not made for concurrent callers.
/// </summary>
internal sealed class SynchronizedResults<T> : IResultSink<T>
{
    private readonly object _lock = new();
    private readonly IResultSink<T> _next;

    public SynchronizedResults(IResultSink<T> next) => _next = next;

    public void Succeeded(T result)
    {
        lock (_lock)
        {
            _next.Succeeded(result);
        }
    }

    public void Failed(ContainmentException error)
    {
        lock (_lock)
        {
            _next.Failed(error);
        }
    }

    public void Warn(string message)
    {
        lock (_lock)
        {
            _next.Warn(message);
        }
    }
}
