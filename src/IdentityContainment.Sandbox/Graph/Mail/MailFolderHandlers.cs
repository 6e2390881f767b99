using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>GET /users/{id}/mailFolders/{id or well-known name} (mailfolder-get page; mailFolder resource for well-known names).</summary>
internal static class MailFolderHandlers
{
    /// <summary>The v1.0 mailFolder properties (CSDL v1.0); wellKnownName is not one of them, so it is never returned.</summary>
    public static readonly EntityProperties<FolderView> Properties = new(
        "microsoft.graph.mailFolder",
        ("id", f => f.Folder.Id),
        ("displayName", f => f.Folder.DisplayName),
        ("parentFolderId", f => f.Folder.ParentFolderId),
        ("childFolderCount", f => f.ChildFolderCount),
        ("unreadItemCount", f => f.Folder.UnreadItemCount),
        ("totalItemCount", f => f.Folder.TotalItemCount),
        ("isHidden", f => f.Folder.IsHidden));

    public static GraphResponse Get(GraphCallContext context)
    {
        var (user, mailbox, error) = MailboxAccess.Resolve(context);
        if (error is not null)
            return error;
        if (!Properties.TryResolveSelect(context.Query.Select, out var select, out var selectError))
            return selectError!;
        var folders = MailFolders.Of(mailbox!);
        var folder = MailFolders.Find(mailbox!, context.RouteValues[1]);
        if (folder is null)
            return MailboxAccess.ItemNotFound();
        var json = Properties.Project(new FolderView(folder, folders.Count(f => f.ParentFolderId == folder.Id)), select);
        json.Insert(0, "@odata.context", GraphContext.Entity($"users('{user!.Id}')/mailFolders", select));
        return GraphResponse.Ok(json);
    }

    /// <summary>A folder with what is computed from its mailbox.</summary>
    internal sealed record FolderView(MailFolderRecord Folder, int ChildFolderCount);
}
