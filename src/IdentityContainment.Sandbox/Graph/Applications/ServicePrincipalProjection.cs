using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Graph's servicePrincipal (v1.0 CSDL order; example 05-getServicePrincipal). Properties the sandbox does not model
/// come back null or [] as for an app that never set them. publisherName and createdDateTime are not v1.0 properties
/// (CONTRACT §5), so $select on them is a 400 as for any unknown property.
/// </summary>
internal static class ServicePrincipalProjection
{
    public const string EntitySet = "servicePrincipals";

    public static readonly EntityProperties<ServicePrincipalRecord> Properties = new(
        "microsoft.graph.servicePrincipal",
        ("id", sp => sp.Id),
        ("deletedDateTime", _ => null),
        ("accountEnabled", sp => sp.AccountEnabled),
        ("addIns", _ => new JsonArray()),
        ("alternativeNames", _ => new JsonArray()),
        ("appDescription", _ => null),
        ("appDisplayName", sp => sp.AppDisplayName),
        ("appId", sp => sp.AppId),
        ("applicationTemplateId", _ => null),
        ("appOwnerOrganizationId", sp => sp.AppOwnerOrganizationId),
        ("appRoleAssignmentRequired", _ => false),
        ("appRoles", sp => new JsonArray(sp.AppRoles.Select(AppRole).ToArray())),
        ("description", _ => null),
        ("disabledByMicrosoftStatus", _ => null),
        ("displayName", sp => sp.DisplayName),
        ("homepage", _ => null),
        ("info", _ => Info()),
        ("keyCredentials", _ => new JsonArray()),
        ("loginUrl", _ => null),
        ("logoutUrl", _ => null),
        ("notes", _ => null),
        ("notificationEmailAddresses", _ => new JsonArray()),
        ("oauth2PermissionScopes", _ => new JsonArray()),
        ("passwordCredentials", _ => new JsonArray()),
        ("preferredSingleSignOnMode", _ => null),
        ("preferredTokenSigningKeyThumbprint", _ => null),
        ("replyUrls", sp => Strings(sp.ReplyUrls)),
        ("resourceSpecificApplicationPermissions", _ => new JsonArray()),
        ("samlSingleSignOnSettings", _ => null),
        ("servicePrincipalNames", sp => Strings([sp.AppId])),
        ("servicePrincipalType", sp => sp.ServicePrincipalType),
        ("signInAudience", sp => sp.SignInAudience),
        ("tags", sp => Strings(sp.Tags)),
        ("tokenEncryptionKeyId", _ => null),
        ("verifiedPublisher", sp => VerifiedPublisher(sp.VerifiedPublisher)));

    /// <summary>
    /// The servicePrincipal properties $filter takes without advanced queries, with the operators CONTRACT §5 lists
    /// (accountEnabled eq/in; appOwnerOrganizationId eq, its ge/le left out as unneeded). id, appId, displayName and
    /// servicePrincipalType take eq and in (INFERRED from the resource page's "eq, ne, not, in" for them, ne and not
    /// being advanced queries); displayName also startswith.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, FilterableProperty<ServicePrincipalRecord>> Filterable =
        new Dictionary<string, FilterableProperty<ServicePrincipalRecord>>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = new(sp => sp.Id, FilterOperators.Eq | FilterOperators.In, FilterValueType.String),
            ["appId"] = new(sp => sp.AppId, FilterOperators.Eq | FilterOperators.In, FilterValueType.String),
            ["displayName"] = new(sp => sp.DisplayName, FilterOperators.Eq | FilterOperators.In | FilterOperators.StartsWith, FilterValueType.String),
            ["servicePrincipalType"] = new(sp => sp.ServicePrincipalType, FilterOperators.Eq | FilterOperators.In, FilterValueType.String),
            ["accountEnabled"] = new(sp => sp.AccountEnabled, FilterOperators.Eq | FilterOperators.In, FilterValueType.Boolean),
            ["appOwnerOrganizationId"] = new(sp => sp.AppOwnerOrganizationId, FilterOperators.Eq, FilterValueType.Guid),
        };

    public static JsonObject Entity(ServicePrincipalRecord servicePrincipal, IReadOnlyList<string>? select)
    {
        var json = Properties.Project(servicePrincipal, select);
        json.Insert(0, "@odata.context", GraphContext.Entity(EntitySet, select));
        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    private static JsonNode AppRole(AppRoleDefinition role) => new JsonObject
    {
        ["allowedMemberTypes"] = Strings(role.AllowedMemberTypes),
        ["description"] = role.DisplayName,
        ["displayName"] = role.DisplayName,
        ["id"] = role.Id,
        ["isEnabled"] = true,
        ["origin"] = "Application",
        ["value"] = role.Value,
    };

    private static JsonObject Info() => new()
    {
        ["logoUrl"] = null,
        ["marketingUrl"] = null,
        ["privacyStatementUrl"] = null,
        ["supportUrl"] = null,
        ["termsOfServiceUrl"] = null,
    };

    // Unverified publishers come back as an object of nulls, as in Graph; null here never means "verified".
    private static JsonObject VerifiedPublisher(VerifiedPublisher? publisher) => new()
    {
        ["displayName"] = publisher?.DisplayName,
        ["verifiedPublisherId"] = publisher?.VerifiedPublisherId,
        ["addedDateTime"] = publisher?.AddedDateTime is { } added ? GraphTime.Format(added) : null,
    };
}
