namespace IdentityContainment.Sandbox;

/// <summary>
/// The signIn properties $filter takes, with their operators, as the signIn resource page lists them (CONTRACT §9).
/// status/errorCode (an Int32) is listed there too but is not modelled: the sandbox's filter reads no numbers, so it is
/// refused rather than matched wrongly. Anything unlisted is 400 Request_UnsupportedQuery.
/// </summary>
internal static class SignInFilter
{
    private const FilterOperators EqOrStartsWith = FilterOperators.Eq | FilterOperators.StartsWith;

    public static readonly IReadOnlyDictionary<string, FilterableProperty<SignInRecord>> Properties =
        new Dictionary<string, FilterableProperty<SignInRecord>>(StringComparer.OrdinalIgnoreCase)
        {
            ["userId"] = new(s => s.UserId, FilterOperators.Eq, FilterValueType.String),
            ["createdDateTime"] = new(s => s.CreatedDateTime, FilterOperators.Eq | FilterOperators.Ge | FilterOperators.Le, FilterValueType.DateTime),
            ["appId"] = new(s => s.AppId, FilterOperators.Eq, FilterValueType.String),
            ["appDisplayName"] = new(s => s.AppDisplayName, EqOrStartsWith, FilterValueType.String),
            ["userPrincipalName"] = new(s => s.UserPrincipalName, EqOrStartsWith, FilterValueType.String),
            ["ipAddress"] = new(s => s.IpAddress, EqOrStartsWith, FilterValueType.String),
            ["location/city"] = new(s => s.Location.City, EqOrStartsWith, FilterValueType.String),
            ["location/state"] = new(s => s.Location.State, EqOrStartsWith, FilterValueType.String),
            ["location/countryOrRegion"] = new(s => s.Location.CountryOrRegion, EqOrStartsWith, FilterValueType.String),
            ["deviceDetail/browser"] = new(s => s.DeviceDetail.Browser, EqOrStartsWith, FilterValueType.String),
            ["deviceDetail/operatingSystem"] = new(s => s.DeviceDetail.OperatingSystem, EqOrStartsWith, FilterValueType.String),
            ["clientAppUsed"] = new(s => s.ClientAppUsed, FilterOperators.Eq, FilterValueType.String),
            ["correlationId"] = new(s => s.CorrelationId, FilterOperators.Eq, FilterValueType.String),
            ["conditionalAccessStatus"] = new(s => s.ConditionalAccessStatus, FilterOperators.Eq, FilterValueType.String),
            ["riskLevelDuringSignIn"] = new(s => s.RiskLevelDuringSignIn, FilterOperators.Eq, FilterValueType.String),
            ["riskState"] = new(s => s.RiskState, FilterOperators.Eq, FilterValueType.String),
            ["resourceId"] = new(s => s.ResourceId, FilterOperators.Eq, FilterValueType.String),
        };
}
