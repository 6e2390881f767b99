namespace IdentityContainment.Pipeline;

/// <summary>
/// Runs work off the thread that feeds it and lets that thread wait while staying useful: a cmdlet's pipeline thread
/// must keep writing what finished work produced while it waits for room to start more.
/// </summary>
public interface IWorkRunner
{
    /// <summary>Pieces of work started and not yet finished.</summary>
    int Running { get; }

    void Start(Func<Task> work, CancellationToken stopping);

    /// <summary>Runs <paramref name="action"/> on the feeding thread, in order with the work's other output.</summary>
    void Post(Action action);

    /// <summary>Waits, doing what work posted, until <paramref name="done"/> holds; the token ends the wait.</summary>
    void WaitUntil(Func<bool> done, CancellationToken stopping);
}
