using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The OpenID Connect metadata and signing keys of the sandbox's authority, for clients that look
/// them up (MSAL does not when instance discovery is off, but other tools and tests may).
/// </summary>
internal sealed class DiscoveryEndpoints(TenantState tenant, TokenSigningKey key)
{
    public EndpointResult OpenIdConfiguration(Uri authorityHost, string tenantSegment)
    {
        if (!tenant.IsThisTenant(tenantSegment) && tenantSegment is not ("common" or "organizations"))
            return OAuthError.Create(400, "invalid_tenant", 90002, $"Tenant '{tenantSegment}' not found.", null, tenant.Clock.GetUtcNow());
        var root = new Uri(authorityHost, tenant.TenantId + "/");
        return new EndpointResult(200, new JsonObject
        {
            ["token_endpoint"] = new Uri(root, "oauth2/v2.0/token").ToString(),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
            ["jwks_uri"] = new Uri(root, "discovery/v2.0/keys").ToString(),
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["issuer"] = new Uri(root, "v2.0").ToString(),
            ["authorization_endpoint"] = new Uri(root, "oauth2/v2.0/authorize").ToString(),
            ["tenant_region_scope"] = "NA",
        });
    }

    public EndpointResult Keys() => new(200, new JsonObject { ["keys"] = new JsonArray(key.ToJwk()) });
}
