namespace IdentityContainment.Sandbox;

/// <summary>The Entra built-in roles the sandbox knows, by display name, with their template ids.</summary>
/// <remarks>
/// Template ids are the same in every tenant; delegated tokens carry them in the wids claim.
/// "Privileged" follows Entra's rule of thumb for sensitive actions: an app-only caller or a lesser
/// admin may not reset the password of, or disable, a user who holds one of these roles.
/// </remarks>
public static class DirectoryRoles
{
    public const string GlobalAdministrator = "Global Administrator";
    public const string PrivilegedAuthenticationAdministrator = "Privileged Authentication Administrator";
    public const string PrivilegedRoleAdministrator = "Privileged Role Administrator";
    public const string SecurityAdministrator = "Security Administrator";
    public const string UserAdministrator = "User Administrator";
    public const string HelpdeskAdministrator = "Helpdesk Administrator";
    public const string AuthenticationAdministrator = "Authentication Administrator";
    public const string SecurityOperator = "Security Operator";
    public const string SecurityReader = "Security Reader";
    public const string GlobalReader = "Global Reader";
    public const string IntuneAdministrator = "Intune Administrator";
    public const string CloudDeviceAdministrator = "Cloud Device Administrator";
    public const string ApplicationAdministrator = "Application Administrator";
    public const string CloudApplicationAdministrator = "Cloud Application Administrator";
    public const string HybridIdentityAdministrator = "Hybrid Identity Administrator";
    public const string ReportsReader = "Reports Reader";

    private sealed record Role(string Name, string TemplateId, bool Privileged);

    private static readonly Role[] Catalog =
    [
        new(GlobalAdministrator, "62e90394-69f5-4237-9190-012177145e10", true),
        new(PrivilegedAuthenticationAdministrator, "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", true),
        new(PrivilegedRoleAdministrator, "e8611ab8-c189-46e8-94e1-60213ab1f814", true),
        new(SecurityAdministrator, "194ae4cb-b126-40b2-bd5b-6091b380977d", true),
        new(UserAdministrator, "fe930be7-5e62-47db-91af-98c3a49a38b1", true),
        new(HelpdeskAdministrator, "729827e3-9c14-49f7-bb1b-9608f156bbb8", true),
        new(AuthenticationAdministrator, "c4e39bd9-1100-46d3-8c65-fb160da0071f", true),
        new("Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de", true),
        new(ApplicationAdministrator, "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", true),
        new(CloudApplicationAdministrator, "158c047a-c907-4556-b7ef-446551a6b5f7", true),
        new(HybridIdentityAdministrator, "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", true),
        new(IntuneAdministrator, "3a2c62db-5318-420d-8d74-23affee5d9d5", true),
        new(CloudDeviceAdministrator, "7698a772-787b-4ac8-901f-60d6b08affd2", true),
        new(SecurityOperator, "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f", true),
        new(GlobalReader, "f2ef992c-3afb-46b9-b7cf-a126ee74c451", false),
        new(SecurityReader, "5d6b6bb7-de71-4623-b4af-96380a352509", false),
        new(ReportsReader, "4a5d8f65-41da-4de4-8968-e035b65339cf", false),
        new("Directory Readers", "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", false),
    ];

    private static readonly Dictionary<string, Role> ByName =
        Catalog.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    public static string TemplateId(string name) => ByName[name].TemplateId;

    public static bool AnyPrivileged(IEnumerable<string> names) =>
        names.Any(n => ByName.TryGetValue(n, out var role) && role.Privileged);
}
