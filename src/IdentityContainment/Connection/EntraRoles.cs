namespace IdentityContainment.Connection;

/// <summary>
/// The built-in Entra roles that decide whether containment steps are allowed, by the template ids that tokens carry
/// in their wids claim (the same in every tenant). Roles the module has no use for are shown by template id.
/// </summary>
public static class EntraRoles
{
    public const string GlobalAdministrator = "Global Administrator";
    public const string PrivilegedAuthenticationAdministrator = "Privileged Authentication Administrator";
    public const string UserAdministrator = "User Administrator";

    private static readonly Dictionary<string, string> NamesByTemplateId = new(StringComparer.OrdinalIgnoreCase)
    {
        ["62e90394-69f5-4237-9190-012177145e10"] = GlobalAdministrator,
        ["7be44c8a-adaf-4e2a-84d6-ab2649e08a13"] = PrivilegedAuthenticationAdministrator,
        ["fe930be7-5e62-47db-91af-98c3a49a38b1"] = UserAdministrator,
        ["729827e3-9c14-49f7-bb1b-9608f156bbb8"] = "Helpdesk Administrator",
        ["c4e39bd9-1100-46d3-8c65-fb160da0071f"] = "Authentication Administrator",
        ["966707d0-3269-4727-9be2-8c3a10f19b9d"] = "Password Administrator",
        ["194ae4cb-b126-40b2-bd5b-6091b380977d"] = "Security Administrator",
        ["5f2222b1-57c3-48ba-8ad5-d4759f1fde6f"] = "Security Operator",
        ["7698a772-787b-4ac8-901f-60d6b08affd2"] = "Cloud Device Administrator",
        ["3a2c62db-5318-420d-8d74-23affee5d9d5"] = "Intune Administrator",
        ["e8611ab8-c189-46e8-94e1-60213ab1f814"] = "Privileged Role Administrator",
        ["f2ef992c-3afb-46b9-b7cf-a126ee74c451"] = "Global Reader",
        ["88d8e3e3-8f55-4a1e-953a-9b9898b8876b"] = "Directory Readers",
    };

    // Every token carries this template id (the default "User" role for members); it is no admin role.
    private const string MemberRoleTemplateId = "b79fbf4d-3ef9-4689-8143-76b194e85509";

    /// <summary>Role names for the wids of a token, without the default member role.</summary>
    public static string[] Named(IEnumerable<string> templateIds) =>
        templateIds
            .Where(id => !string.Equals(id, MemberRoleTemplateId, StringComparison.OrdinalIgnoreCase))
            .Select(id => NamesByTemplateId.TryGetValue(id, out string? name) ? name : id)
            .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
}
