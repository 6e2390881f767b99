namespace IdentityContainment.Sandbox;

/// <summary>
/// The resources the sandbox's token endpoint and managed identity endpoint issue tokens for:
/// Microsoft Graph, and the sandbox's Key Vaults (<see cref="KeyVaultResource.Uri"/>).
/// </summary>
internal static class TokenResources
{
    public const string Served = $"Microsoft Graph ({GraphResource.Uri}) and Key Vault ({KeyVaultResource.Uri})";

    /// <summary>The audience a token asked for with <paramref name="scopeOrResource"/> carries; null for a resource the sandbox does not serve.</summary>
    public static string? AudienceFor(string? scopeOrResource) =>
        GraphResource.IsGraphResource(scopeOrResource) ? GraphResource.Uri
        : KeyVaultResource.IsKeyVaultResource(scopeOrResource) ? KeyVaultResource.Uri
        : null;

    /// <summary>
    /// The app roles a token for <paramref name="audience"/> carries: Graph's application permissions
    /// for Graph; none for Key Vault, whose data plane authorizes by the vault's access policy, not by roles.
    /// </summary>
    public static IReadOnlyList<string> RolesFor(string audience, IReadOnlyList<string> graphRoles) =>
        audience == GraphResource.Uri ? graphRoles : [];
}
