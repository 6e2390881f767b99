namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// A folder an inbox rule moves or copies mail to, as far as the reader could tell: Graph gives an id that the reader
/// resolves to a display name and, where it matches one of the mailbox's well-known folders, its role; Exchange gives
/// a path such as "Adele Vance:\RSS Feeds". Localized names are judged by the rules, not here.
/// </summary>
public sealed record RuleFolder
{
    /// <summary>Graph's folder id; null for Exchange objects.</summary>
    public string? Id { get; init; }

    /// <summary>The folder's display name (the last part of an Exchange path), or null when it could not be resolved.</summary>
    public string? Name { get; init; }

    /// <summary>The mailbox's own role for the folder when the reader knows it; <see cref="WellKnownFolder.None"/> otherwise.</summary>
    public WellKnownFolder WellKnown { get; init; }

    public override string ToString() => Name ?? Id ?? "(unknown folder)";
}

/// <summary>Folder roles a reader can establish without trusting the folder's (localizable) name.</summary>
public enum WellKnownFolder
{
    None = 0,
    Inbox,
    DeletedItems,
    JunkEmail,
    Archive,
    ConversationHistory,
    RssFeeds,
    Notes,
}
