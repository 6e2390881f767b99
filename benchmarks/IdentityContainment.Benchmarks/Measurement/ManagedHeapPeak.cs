namespace IdentityContainment.Benchmarks.Measurement;

/// <summary>
/// The largest managed heap seen while a measured run goes on, sampled every <see cref="Interval"/> with
/// <c>GC.GetTotalMemory(false)</c> from the moment it is created until it is disposed.
/// </summary>
internal sealed class ManagedHeapPeak : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    private readonly Timer _sampler;
    private long _peak;

    /// <summary>Starts sampling; <paramref name="ready"/> is the heap before the run, the least the peak can be.</summary>
    public ManagedHeapPeak(long ready)
    {
        _peak = ready;
        _sampler = new Timer(_ => Raise(GC.GetTotalMemory(forceFullCollection: false)), null, TimeSpan.Zero, Interval);
    }

    public long Peak => Interlocked.Read(ref _peak);

    /// <summary>Stops sampling; <see cref="Peak"/> keeps the last value.</summary>
    public void Dispose() => _sampler.Dispose();

    private void Raise(long value)
    {
        long seen = Interlocked.Read(ref _peak);
        while (value > seen)
        {
            long previous = Interlocked.CompareExchange(ref _peak, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
