namespace IdentityContainment.Sandbox;

/// <summary>
/// The user's inbox rules (CONTRACT §6): list, get, update and delete under /users/{id}/mailFolders/inbox/messageRules.
/// Hidden rules (Exchange's -IncludeHidden ones) are not served: Graph does not show them (see InboxRuleRecord.IsHidden).
/// </summary>
internal static class MessageRuleHandlers
{
    private static readonly IReadOnlyDictionary<string, FilterableProperty<InboxRuleRecord>> NotFilterable =
        new Dictionary<string, FilterableProperty<InboxRuleRecord>>();

    /// <summary>
    /// The list "supports the OData query parameters" (mailfolder-list-messagerules page) without naming any, and says
    /// nothing of paging, so the sandbox pages like other Outlook collections (see <see cref="CollectionPageSizes.Outlook"/>):
    /// a client that does not follow @odata.nextLink loses rules here. $select is served; $filter names no property a
    /// rule documents as filterable, so it is refused.
    /// </summary>
    public static GraphResponse List(GraphCallContext context)
    {
        var (user, mailbox, error) = MailboxAccess.Resolve(context);
        if (error is not null)
            return error;
        var (query, queryError) = CollectionQuery<InboxRuleRecord>.Read(context, MessageRuleProjection.Properties, NotFilterable, CollectionPageSizes.Outlook);
        if (queryError is not null)
            return queryError;
        // Rules come in the order they run (sequence); the paging key keeps that order under ordinal comparison.
        var rules = Visible(mailbox!).OrderBy(PageKey, StringComparer.Ordinal);
        var (page, hasMore) = query!.Paging.Take(rules, PageKey);
        return query.Paging.Answer(
            new System.Text.Json.Nodes.JsonObject { ["@odata.context"] = GraphContext.Collection(MessageRuleProjection.EntitySet(user!), query.Select) },
            page, hasMore, PageKey, r => MessageRuleProjection.Item(r, query.Select));
    }

    public static GraphResponse Get(GraphCallContext context)
    {
        var (user, rule, error) = FindRule(context);
        if (error is not null)
            return error;
        if (!MessageRuleProjection.Properties.TryResolveSelect(context.Query.Select, out var select, out var selectError))
            return selectError!;
        return GraphResponse.Ok(MessageRuleProjection.Entity(user!, rule!, select));
    }

    /// <summary>PATCH: 200 with the updated rule (messagerule-update page). A read-only rule is refused (see <see cref="RefuseReadOnly"/>).</summary>
    public static GraphResponse Update(GraphCallContext context)
    {
        var (user, rule, error) = FindRule(context);
        if (error is not null)
            return error;
        if (RefuseReadOnly(rule!) is { } refused)
            return refused;
        var (updated, bodyError) = MessageRuleUpdate.Apply(context.Request.Body, rule!, context.Tenant.Clock.GetUtcNow());
        if (bodyError is not null)
            return bodyError;
        var stored = context.Tenant.ReplaceInboxRule(user!.Id, updated!);
        return stored is null ? MailboxAccess.ItemNotFound() : GraphResponse.Ok(MessageRuleProjection.Entity(user, stored, null));
    }

    /// <summary>DELETE: 204 (CONTRACT §6).</summary>
    public static GraphResponse Delete(GraphCallContext context)
    {
        var (user, rule, error) = FindRule(context);
        if (error is not null)
            return error;
        if (RefuseReadOnly(rule!) is { } refused)
            return refused;
        return context.Tenant.RemoveInboxRule(user!.Id, rule!.Id) ? GraphResponse.NoContent() : MailboxAccess.ItemNotFound();
    }

    private static (UserRecord? User, InboxRuleRecord? Rule, GraphResponse? Error) FindRule(GraphCallContext context)
    {
        var (user, mailbox, error) = MailboxAccess.Resolve(context);
        if (error is not null)
            return (null, null, error);
        // Rule ids are opaque and compared exactly, as Outlook's item ids are.
        var rule = Visible(mailbox!).FirstOrDefault(r => r.Id == context.RouteValues[1]);
        return rule is null ? (null, null, MailboxAccess.ItemNotFound()) : (user, rule, null);
    }

    private static IEnumerable<InboxRuleRecord> Visible(MailboxRecord mailbox) => mailbox.InboxRules.Where(r => !r.IsHidden);

    /// <summary>
    /// isReadOnly: "Indicates if the rule is read-only and cannot be modified or deleted by the rules REST API" (messageRule
    /// resource, CONTRACT §6). The status Graph answers with is not documented (INFERRED 403, the code Outlook uses for a
    /// refused change).
    /// </summary>
    private static GraphResponse? RefuseReadOnly(InboxRuleRecord rule) => rule.IsReadOnly
        ? GraphResponse.Error(403, "ErrorAccessDenied", $"The rule '{rule.DisplayName}' is read-only and cannot be modified or deleted through the REST API.")
        : null;

    private static string PageKey(InboxRuleRecord rule) => $"{rule.Sequence:D10}/{rule.Id}";
}
