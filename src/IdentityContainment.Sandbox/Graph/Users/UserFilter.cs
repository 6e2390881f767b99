namespace IdentityContainment.Sandbox;

/// <summary>The user properties $filter supports in the sandbox (all filterable in Graph without advanced queries).</summary>
internal static class UserFilter
{
    public static readonly IReadOnlyDictionary<string, FilterableProperty<UserRecord>> Properties =
        new Dictionary<string, FilterableProperty<UserRecord>>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = new(u => u.Id),
            ["userPrincipalName"] = new(u => u.UserPrincipalName),
            ["mail"] = new(u => u.Mail),
            ["displayName"] = new(u => u.DisplayName),
            ["givenName"] = new(u => u.GivenName),
            ["surname"] = new(u => u.Surname),
            ["userType"] = new(u => u.UserType),
            ["accountEnabled"] = new(u => u.AccountEnabled),
            ["onPremisesSyncEnabled"] = new(u => u.OnPremisesSyncEnabled),
        };
}
