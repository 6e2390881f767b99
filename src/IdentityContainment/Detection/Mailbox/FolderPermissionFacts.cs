namespace IdentityContainment.Detection.Mailbox;

/// <summary>One Get-MailboxFolderPermission entry: who may do what in a folder.</summary>
public sealed record FolderPermissionFacts
{
    /// <summary>The mailbox the folder is in.</summary>
    public string Mailbox { get; init; } = string.Empty;

    public string? UserId { get; init; }

    /// <summary>The folder as Exchange names it for Set-/Remove-MailboxFolderPermission ("adele@contoso.com:\Inbox"); the top of the store has no folder part.</summary>
    public string FolderIdentity { get; init; } = string.Empty;

    /// <summary>The folder's name (FolderName), "Top of Information Store" for the root.</summary>
    public string? FolderName { get; init; }

    /// <summary>The entry's user: Default, Anonymous, or a named user.</summary>
    public string User { get; init; } = string.Empty;

    public IReadOnlyList<string> AccessRights { get; init; } = Array.Empty<string>();

    public string? BeforeImage { get; init; }
}
