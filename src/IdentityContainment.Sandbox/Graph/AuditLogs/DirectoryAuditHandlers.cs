namespace IdentityContainment.Sandbox;

/// <summary>
/// GET auditLogs/directoryAudits (CONTRACT §10): newest first, paged, with the documented $filter attributes. The page
/// lists $filter, $top, $skiptoken and $orderby; $orderby is not modelled and $select is not listed, so both are refused.
/// </summary>
internal static class DirectoryAuditHandlers
{
    public static GraphResponse List(GraphCallContext context)
    {
        var (query, error) = CollectionQuery<DirectoryAuditRecord>.Read(context, DirectoryAuditProjection.Properties,
            DirectoryAuditFilter.Properties, CollectionPageSizes.DirectoryAudits, allowSelect: false);
        return error ?? query!.Answer(DirectoryAuditProjection.EntitySet, context.Tenant.DirectoryAudits.OrderBy(NewestFirstKey, StringComparer.Ordinal), NewestFirstKey, DirectoryAuditProjection.Properties);
    }

    private static string NewestFirstKey(DirectoryAuditRecord audit) => NewestFirstPageKey.Of(audit.ActivityDateTime, audit.Id);
}
