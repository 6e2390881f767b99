using System.Buffers.Text;
using System.Text;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The folders of a mailbox as Graph serves them: the scenario's own, plus every default well-known folder the scenario
/// does not localize, under its English name. Ids of the defaults are derived from the mailbox and the well-known name,
/// so they stay the same from run to run.
/// </summary>
public static class MailFolders
{
    /// <summary>
    /// The well-known folder names Graph v1.0 documents (mailFolder resource, "Well-known folder names"), with the
    /// English name Outlook gives each in a new mailbox. Names that belong to folders a mailbox does not always have
    /// (clutter, conflicts, localfailures, scheduled, serverfailures, syncissues) get no default folder: asking for them
    /// answers 404 ErrorItemNotFound unless the scenario lists one.
    /// </summary>
    public static readonly IReadOnlyList<string> WellKnownNames =
    [
        "archive", "clutter", "conflicts", "conversationhistory", "deleteditems", "drafts", "inbox", "junkemail",
        "localfailures", "msgfolderroot", "outbox", "recoverableitemsdeletions", "scheduled", "searchfolders",
        "sentitems", "serverfailures", "syncissues",
    ];

    private static readonly (string Name, string DisplayName, bool IsHidden)[] Defaults =
    [
        ("msgfolderroot", "Top of Information Store", false),
        ("inbox", "Inbox", false),
        ("drafts", "Drafts", false),
        ("sentitems", "Sent Items", false),
        ("deleteditems", "Deleted Items", false),
        ("junkemail", "Junk Email", false),
        ("outbox", "Outbox", false),
        ("archive", "Archive", false),
        ("conversationhistory", "Conversation History", false),
        ("searchfolders", "Finder", true),
        ("recoverableitemsdeletions", "Deletions", true),
    ];

    public static bool IsWellKnownName(string name) => WellKnownNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The id a default well-known folder of this mailbox gets.</summary>
    public static string DefaultId(string userId, string wellKnownName) =>
        "AAMk" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{userId.ToLowerInvariant()}/{wellKnownName}"));

    /// <summary>Every folder of the mailbox, parents filled in (a top-level folder's parent is msgfolderroot).</summary>
    public static IReadOnlyList<MailFolderRecord> Of(MailboxRecord mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var localized = mailbox.Folders.Where(f => f.WellKnownName is not null).Select(f => f.WellKnownName!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var all = Defaults.Where(d => !localized.Contains(d.Name))
            .Select(d => new MailFolderRecord { Id = DefaultId(mailbox.UserId, d.Name), DisplayName = d.DisplayName, WellKnownName = d.Name, IsHidden = d.IsHidden })
            .Concat(mailbox.Folders)
            .ToList();
        var root = all.First(f => string.Equals(f.WellKnownName, "msgfolderroot", StringComparison.OrdinalIgnoreCase));
        // The root's own parent is the mailbox's non-IPM root, which Graph does not serve; its id is still stable.
        return all.Select(f => f.ParentFolderId is not null ? f
                : f == root ? f with { ParentFolderId = DefaultId(mailbox.UserId, "root") }
                : f with { ParentFolderId = root.Id })
            .ToArray();
    }

    /// <summary>A folder by id or by well-known name (either case), or null.</summary>
    public static MailFolderRecord? Find(MailboxRecord mailbox, string idOrWellKnownName)
    {
        var folders = Of(mailbox);
        return IsWellKnownName(idOrWellKnownName)
            ? folders.FirstOrDefault(f => string.Equals(f.WellKnownName, idOrWellKnownName, StringComparison.OrdinalIgnoreCase))
            : folders.FirstOrDefault(f => f.Id == idOrWellKnownName);
    }
}
