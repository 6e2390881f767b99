using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// GET /users/{id}/mailFolders/{id or well-known name} (mailfolder-get page; mailFolder resource for well-known names), and
/// the folder lists: mailFolders (the folders directly under the top of the store, user-list-mailfolders page) and
/// mailFolders/{id}/childFolders (mailfolder-list-childfolders page). Lists leave hidden folders out unless
/// includeHiddenFolders=true, and page 10 at a time.
/// </summary>
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
        var folder = MailFolders.Find(mailbox!, context.RouteValues[1]);
        if (folder is null)
            return MailboxAccess.ItemNotFound();
        var json = Properties.Project(View(folder, MailFolders.Of(mailbox!)), select);
        json.Insert(0, "@odata.context", GraphContext.Entity($"users('{user!.Id}')/mailFolders", select));
        return GraphResponse.Ok(json);
    }

    /// <summary>GET users/{id}/mailFolders: the children of msgfolderroot.</summary>
    public static GraphResponse List(GraphCallContext context) => ListChildren(context, "msgfolderroot");

    /// <summary>GET users/{id}/mailFolders/{id}/childFolders.</summary>
    public static GraphResponse ListChildFolders(GraphCallContext context) => ListChildren(context, context.RouteValues[1]);

    private static GraphResponse ListChildren(GraphCallContext context, string parentIdOrName)
    {
        var (user, mailbox, error) = MailboxAccess.Resolve(context);
        if (error is not null)
            return error;
        var (query, queryError) = CollectionQuery<FolderView>.Read(context, Properties, NotFilterable, CollectionPageSizes.Outlook);
        if (queryError is not null)
            return queryError;
        var parent = MailFolders.Find(mailbox!, parentIdOrName);
        if (parent is null)
            return MailboxAccess.ItemNotFound();
        var includeHidden = string.Equals(context.Query.Get("includeHiddenFolders"), "true", StringComparison.OrdinalIgnoreCase);
        var folders = MailFolders.Of(mailbox!);
        // By name, as the docs' example lists them; the key keeps that order under ordinal comparison and stays unique.
        var children = folders.Where(f => f.ParentFolderId == parent.Id && (includeHidden || !f.IsHidden))
            .Select(f => View(f, folders))
            .OrderBy(PageKey, StringComparer.Ordinal);
        var (page, hasMore) = query!.Paging.Take(children, PageKey);
        return query.Paging.Answer(
            new JsonObject { ["@odata.context"] = GraphContext.Collection($"users('{user!.Id}')/mailFolders", query.Select) },
            page, hasMore, PageKey, f => Properties.Project(f, query.Select));
    }

    private static readonly IReadOnlyDictionary<string, FilterableProperty<FolderView>> NotFilterable = new Dictionary<string, FilterableProperty<FolderView>>();

    private static FolderView View(MailFolderRecord folder, IReadOnlyList<MailFolderRecord> all) =>
        new(folder, all.Count(f => f.ParentFolderId == folder.Id));

    private static string PageKey(FolderView view) => view.Folder.DisplayName.ToUpperInvariant() + "/" + view.Folder.Id;

    /// <summary>A folder with what is computed from its mailbox.</summary>
    internal sealed record FolderView(MailFolderRecord Folder, int ChildFolderCount);
}
