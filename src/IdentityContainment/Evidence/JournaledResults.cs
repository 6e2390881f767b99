using IdentityContainment.Errors;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Evidence;

/// <summary>
/// The one place the engine's actions pass on their way out: each action is appended to the journal, then reported.
/// Each engine entry point (<see cref="Containment.SessionRevoker"/>, <see cref="Containment.PasswordResetter"/>) puts
/// this around the sink it was given, once, and hands its own steps (confirm compromised, device disable) the journaled
/// sink, but another entry point it calls the plain one, so every action reaches the journal exactly once.
/// </summary>
internal sealed class JournaledResults<T> : IResultSink<T>
{
    private readonly IResultSink<T> _next;
    private readonly IActionJournal _journal;

    private JournaledResults(IResultSink<T> next, IActionJournal journal)
    {
        _next = next;
        _journal = journal;
    }

    /// <summary>The sink itself when there is no journal to keep.</summary>
    public static IResultSink<T> Around(IResultSink<T> results, IActionJournal journal) =>
        journal is NoActionJournal ? results : new JournaledResults<T>(results, journal);

    public void Succeeded(T result)
    {
        if (JournalEntry.For(result) is { } entry)
        {
            _journal.Append(entry);
        }

        _next.Succeeded(result);
    }

    public void Failed(ContainmentException error) => _next.Failed(error);

    public void Warn(string message) => _next.Warn(message);
}
