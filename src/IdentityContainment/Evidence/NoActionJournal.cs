namespace IdentityContainment.Evidence;

/// <summary>The journal of a connection nobody asked to keep one for: every entry is let go.</summary>
public sealed class NoActionJournal : IActionJournal
{
    public static readonly NoActionJournal Instance = new();

    private NoActionJournal()
    {
    }

    public void Append(JournalEntry entry)
    {
    }
}
