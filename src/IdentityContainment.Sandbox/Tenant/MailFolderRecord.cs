namespace IdentityContainment.Sandbox;

/// <summary>A mail folder in Graph's mailFolder shape (CSDL v1.0: displayName, parentFolderId, childFolderCount, counts, isHidden).</summary>
public sealed record MailFolderRecord
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>Null for a folder at the top of the mailbox (its parent is msgfolderroot).</summary>
    public string? ParentFolderId { get; init; }

    /// <summary>
    /// The well-known name this folder answers to (inbox, deleteditems...), or null for the user's own folders. Graph v1.0
    /// does not return it (wellKnownName is not a mailFolder property in the v1.0 CSDL); it only routes
    /// mailFolders/{wellKnownName}.
    /// </summary>
    public string? WellKnownName { get; init; }
    public bool IsHidden { get; init; }
    public int TotalItemCount { get; init; }
    public int UnreadItemCount { get; init; }
}
