namespace IdentityContainment.Sandbox;

/// <summary>The user properties Graph v1.0 defines (from the v1.0 CSDL), and which of them Graph returns by default.</summary>
internal static class UserProperties
{
    /// <summary>What GET users/{id} returns without $select.</summary>
    public static readonly IReadOnlyList<string> Default =
    [
        "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone",
        "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id",
    ];

    /// <summary>What User.ReadBasic.All may see; other properties are left out of its responses.</summary>
    public static readonly IReadOnlySet<string> Basic = new HashSet<string>(Default, StringComparer.OrdinalIgnoreCase);

    /// <summary>Properties whose type is a collection: unset ones come back as [] rather than null.</summary>
    public static readonly IReadOnlySet<string> Collections = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "assignedLicenses", "assignedPlans", "businessPhones", "identities", "imAddresses", "interests",
        "licenseAssignmentStates", "onPremisesProvisioningErrors", "otherMails", "pastProjects",
        "provisionedPlans", "proxyAddresses", "responsibilities", "schools", "serviceProvisioningErrors", "skills",
    };

    private static readonly string[] All =
    [
        "id", "deletedDateTime", "aboutMe", "accountEnabled", "ageGroup", "assignedLicenses", "assignedPlans",
        "authorizationInfo", "birthday", "businessPhones", "city", "companyName", "consentProvidedForMinor", "country",
        "createdDateTime", "creationType", "customSecurityAttributes", "department", "deviceEnrollmentLimit",
        "displayName", "employeeHireDate", "employeeId", "employeeLeaveDateTime", "employeeOrgData", "employeeType",
        "externalUserState", "externalUserStateChangeDateTime", "faxNumber", "givenName", "hireDate", "identities",
        "identityParentId", "imAddresses", "interests", "isManagementRestricted", "isResourceAccount", "jobTitle",
        "lastPasswordChangeDateTime", "legalAgeGroupClassification", "licenseAssignmentStates", "mail",
        "mailboxSettings", "mailNickname", "mobilePhone", "mySite", "officeLocation", "onPremisesDistinguishedName",
        "onPremisesDomainName", "onPremisesExtensionAttributes", "onPremisesImmutableId", "onPremisesLastSyncDateTime",
        "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier",
        "onPremisesSyncEnabled", "onPremisesUserPrincipalName", "otherMails", "passwordPolicies", "passwordProfile",
        "pastProjects", "postalCode", "preferredDataLocation", "preferredLanguage", "preferredName", "print",
        "provisionedPlans", "proxyAddresses", "refreshTokensValidFromDateTime", "responsibilities", "schools",
        "securityIdentifier", "serviceProvisioningErrors", "showInAddressList", "signInActivity",
        "signInSessionsValidFromDateTime", "skills", "state", "streetAddress", "surname", "usageLocation",
        "userPrincipalName", "userType",
    ];

    private static readonly Dictionary<string, string> ByName = All.ToDictionary(p => p, StringComparer.OrdinalIgnoreCase);

    /// <summary>The property's name in Graph's casing, or null when the user type has no such property.</summary>
    public static string? Canonical(string name) => ByName.GetValueOrDefault(name);
}
