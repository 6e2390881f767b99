namespace IdentityContainment.Pipeline;

/// <summary>
/// A reader that gathers the reads of concurrent batches into few requests (see <see cref="Users.UserReader"/>). It
/// must know when more batches may still join, or a read would wait for a batch that cannot come.
/// </summary>
public interface IGatheringReader
{
    /// <summary>Whether more batches may start now; false while the feed waits for room, and once input has ended.</summary>
    bool InputFlowing { set; }

    /// <summary>Counts a batch in until disposed: reads wait while a joined batch may still ask.</summary>
    IDisposable Join();
}
