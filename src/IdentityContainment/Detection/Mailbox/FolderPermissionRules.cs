namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// Get-MailboxFolderPermission entries that open the Inbox or the top of the store to everyone: "Default" is every
/// authenticated user of the organisation, "Anonymous" anyone unauthenticated. Either with any right but None lets an
/// account the attacker holds read the victim's mail without any permission on the mailbox itself. Named users and
/// other folders (a calendar shared with Default as Reviewer is ordinary) are not judged here.
/// </summary>
public static class FolderPermissionRules
{
    /// <summary>Rights that let the holder change or delete mail, not only read it.</summary>
    private static readonly string[] ChangingRights =
    {
        "Owner", "PublishingEditor", "Editor", "PublishingAuthor", "Author", "NonEditingAuthor", "Contributor",
        "CreateItems", "CreateSubfolders", "DeleteAllItems", "DeleteOwnedItems", "EditAllItems", "EditOwnedItems", "FolderOwner",
    };

    public static readonly RuleTable<FolderPermissionFacts> Table = new(new[]
    {
        new DetectionRule<FolderPermissionFacts>(
            "FolderOpenToOrganisation",
            45,
            f => IsUser(f, "Default") && OpensWatchedFolder(f),
            f => $"gives every user in the organisation (Default) {Rights(f)} on '{FolderOf(f)}'"),
        new DetectionRule<FolderPermissionFacts>(
            "FolderOpenToAnonymous",
            60,
            f => IsUser(f, "Anonymous") && OpensWatchedFolder(f),
            f => $"gives anyone, unauthenticated (Anonymous), {Rights(f)} on '{FolderOf(f)}'"),
        new DetectionRule<FolderPermissionFacts>(
            "FolderOpenToChange",
            15,
            f => (IsUser(f, "Default") || IsUser(f, "Anonymous")) && OpensWatchedFolder(f)
                && AccessRightNames.Split(f.AccessRights).Any(r => ChangingRights.Contains(r, StringComparer.OrdinalIgnoreCase)),
            "the rights let them change or delete mail, not only read it"),
    });

    /// <summary>True for the top of the store: a folder identity with no folder part, or the name Exchange gives the root.</summary>
    public static bool IsTopOfStore(FolderPermissionFacts folder)
    {
        string identity = folder.FolderIdentity.Trim();
        int separator = identity.IndexOf(@":\", StringComparison.Ordinal);
        bool noFolderPart = identity.Length > 0 && (separator < 0 || separator + 2 == identity.Length);
        return noFolderPart || string.Equals(folder.FolderName?.Trim(), "Top of Information Store", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for the Inbox, in any listed language, by FolderName or by the last part of the folder identity.</summary>
    public static bool IsInbox(FolderPermissionFacts folder) =>
        MailFolderNames.RoleOfName(folder.FolderName) == WellKnownFolder.Inbox
        || (folder.FolderIdentity.IndexOf(@":\", StringComparison.Ordinal) >= 0 && MailFolderNames.RoleOfName(folder.FolderIdentity) == WellKnownFolder.Inbox);

    private static bool OpensWatchedFolder(FolderPermissionFacts folder) =>
        AccessRightNames.GrantAnything(folder.AccessRights) && (IsInbox(folder) || IsTopOfStore(folder));

    private static bool IsUser(FolderPermissionFacts folder, string user) => string.Equals(folder.User.Trim(), user, StringComparison.OrdinalIgnoreCase);

    private static string Rights(FolderPermissionFacts folder) => string.Join(", ", AccessRightNames.Split(folder.AccessRights));

    private static string FolderOf(FolderPermissionFacts folder) =>
        IsTopOfStore(folder) ? "Top of Information Store" : folder.FolderName ?? MailFolderNames.LastPart(folder.FolderIdentity);
}
