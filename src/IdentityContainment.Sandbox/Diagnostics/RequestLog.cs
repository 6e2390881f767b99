namespace IdentityContainment.Sandbox;

/// <summary>
/// Every request the sandbox served, oldest first, including each $batch item. Thread-safe. Bounded,
/// so a long benchmark cannot exhaust memory: past the capacity the oldest entries go.
/// </summary>
public sealed class RequestLog(int capacity = 100_000)
{
    private readonly Lock _gate = new();
    private readonly Queue<RequestLogEntry> _entries = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>A copy of the entries, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_gate) return _entries.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    internal void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            if (_entries.Count == Capacity)
                _entries.Dequeue();
            _entries.Enqueue(entry);
        }
    }
}
