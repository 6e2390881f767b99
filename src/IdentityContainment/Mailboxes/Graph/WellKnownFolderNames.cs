using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Graph;

/// <summary>
/// The well-known folder names Graph v1.0 resolves in any mailbox language (mailFolder resource, "Well-known folder
/// names": GET /users/{id}/mailFolders/deleteditems is the Deleted Items folder however the mailbox names it), for the
/// roles that matter when an inbox rule moves mail there. v1.0 has no well-known name for RSS Feeds or Notes, so those
/// stay unknown on the Graph path and are judged by name; the archive is also named by mailboxSettings.archiveFolder.
/// </summary>
internal static class WellKnownFolderNames
{
    public static readonly IReadOnlyList<(string Name, WellKnownFolder Role)> Read = new[]
    {
        ("deleteditems", WellKnownFolder.DeletedItems),
        ("junkemail", WellKnownFolder.JunkEmail),
        ("archive", WellKnownFolder.Archive),
        ("conversationhistory", WellKnownFolder.ConversationHistory),
    };
}
