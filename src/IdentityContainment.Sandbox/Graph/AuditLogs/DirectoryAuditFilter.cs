namespace IdentityContainment.Sandbox;

/// <summary>
/// The directoryAudit attributes $filter takes, with their operators, exactly as CONTRACT §10 lists them (directoryaudit-list
/// page). Anything else, category and result included, is refused with 400 Request_UnsupportedQuery.
/// </summary>
internal static class DirectoryAuditFilter
{
    private const FilterOperators EqOrStartsWith = FilterOperators.Eq | FilterOperators.StartsWith;

    public static readonly IReadOnlyDictionary<string, FilterableProperty<DirectoryAuditRecord>> Properties =
        new Dictionary<string, FilterableProperty<DirectoryAuditRecord>>(StringComparer.OrdinalIgnoreCase)
        {
            ["activityDisplayName"] = new(a => a.ActivityDisplayName, EqOrStartsWith, FilterValueType.String),
            ["activityDateTime"] = new(a => a.ActivityDateTime, FilterOperators.Eq | FilterOperators.Ge | FilterOperators.Le, FilterValueType.DateTime),
            ["loggedByService"] = new(a => a.LoggedByService, FilterOperators.Eq, FilterValueType.String),
            ["initiatedBy/user/id"] = new(a => a.InitiatedBy.User?.Id, FilterOperators.Eq, FilterValueType.String),
            ["initiatedBy/user/displayName"] = new(a => a.InitiatedBy.User?.DisplayName, FilterOperators.Eq, FilterValueType.String),
            ["initiatedBy/user/userPrincipalName"] = new(a => a.InitiatedBy.User?.UserPrincipalName, EqOrStartsWith, FilterValueType.String),
            ["initiatedBy/app/appId"] = new(a => a.InitiatedBy.App?.AppId, FilterOperators.Eq, FilterValueType.String),
            ["initiatedBy/app/displayName"] = new(a => a.InitiatedBy.App?.DisplayName, FilterOperators.Eq, FilterValueType.String),
            // targetResources/any(t: t/id eq '...'), any(t: t/displayName eq '...') and any(x: startswith(x/displayName, '...')).
            ["targetResources"] = new FilterableCollection<DirectoryAuditRecord, AuditTargetResource>(a => a.TargetResources,
                new Dictionary<string, FilterableProperty<AuditTargetResource>>(StringComparer.OrdinalIgnoreCase)
                {
                    ["id"] = new(t => t.Id, FilterOperators.Eq, FilterValueType.String),
                    ["displayName"] = new(t => t.DisplayName, EqOrStartsWith, FilterValueType.String),
                }),
        };
}
