using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>A Get-MailboxFolderPermission entry as <see cref="FolderPermissionFacts"/>.</summary>
internal static class FolderPermissionObject
{
    private const string FolderSeparator = @":\";

    public static ExchangeReading Read(ExchangeObject entry)
    {
        IReadOnlyList<string> missing = entry.Missing(["Identity", "User", "AccessRights"]);
        if (missing.Count > 0)
        {
            return ExchangeReading.Unreadable(ExchangeObjectKind.FolderPermission, ExchangeProblems.Missing(ExchangeObjectKind.FolderPermission, missing));
        }

        string user = entry.Text("User") ?? string.Empty;
        (string mailbox, string folderIdentity) = SplitIdentity(entry.Text("Identity") ?? string.Empty, user);
        return ExchangeReading.Read(ExchangeObjectKind.FolderPermission, new FolderPermissionFacts
        {
            Mailbox = mailbox,
            FolderIdentity = folderIdentity,
            FolderName = entry.Text("FolderName"),
            User = user,
            AccessRights = PermissionObjects.AccessRights(entry),
            BeforeImage = ExchangeBeforeImage.Of(entry),
        });
    }

    /// <summary>
    /// The entry's Identity is "&lt;mailbox&gt;:\&lt;folder path&gt;", sometimes with the entry's user as a last part; the folder
    /// identity is what Set-/Remove-MailboxFolderPermission take: the mailbox and the path, and for the top of the store
    /// the mailbox with an empty path ("nestorw@fabrikam.com:\", the form Exchange accepts: Apoc70/Get-MailboxPermissionReport#3).
    /// </summary>
    private static (string Mailbox, string FolderIdentity) SplitIdentity(string identity, string user)
    {
        int separator = identity.IndexOf(FolderSeparator, StringComparison.Ordinal);
        if (separator < 0)
        {
            return (identity, identity);
        }

        string mailbox = identity.Substring(0, separator);
        string path = identity.Substring(separator + FolderSeparator.Length).TrimEnd('\\');
        int lastPart = path.LastIndexOf('\\');
        string last = lastPart < 0 ? path : path.Substring(lastPart + 1);
        if (user.Length > 0 && string.Equals(last, user, StringComparison.OrdinalIgnoreCase) && lastPart >= 0)
        {
            path = path.Substring(0, lastPart);
        }

        return (mailbox, mailbox + FolderSeparator + path);
    }
}
