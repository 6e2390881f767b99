using System.Globalization;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The App Service / Azure Automation managed identity endpoint (what IDENTITY_ENDPOINT points at):
/// GET ?api-version=2019-08-01&amp;resource=... with the X-IDENTITY-HEADER secret. Without an id it
/// answers for the system-assigned identity; client_id, mi_res_id, object_id or principal_id pick a
/// user-assigned one.
/// </summary>
internal sealed class ManagedIdentityEndpoint(TenantState tenant, AccessTokenIssuer issuer, string identityHeader)
{
    public const string ApiVersion = "2019-08-01";

    public EndpointResult Handle(IReadOnlyDictionary<string, string> query, string? headerSecret)
    {
        if (headerSecret is null || !string.Equals(headerSecret, identityHeader, StringComparison.Ordinal))
            return Error(401, "The X-IDENTITY-HEADER header is missing or does not hold this endpoint's secret.");
        if (query.GetValueOrDefault("api-version") != ApiVersion)
            return Error(400, $"api-version must be {ApiVersion}.");
        var resource = query.GetValueOrDefault("resource");
        if (resource is null)
            return Error(400, "The resource parameter is required.");
        var audience = TokenResources.AudienceFor(resource);
        if (audience is null)
            return Error(400, $"The sandbox issues managed identity tokens for {TokenResources.Served} only, not '{resource}'.");

        var identity = Select(query);
        if (identity is null)
            return Error(400, "Unable to load the proper Managed Identity.");

        var lifetime = TimeSpan.FromHours(1);
        var notBefore = tenant.Clock.GetUtcNow();
        var token = issuer.Issue(new AccessTokenRequest
        {
            AppId = identity.ClientId,
            Permissions = TokenResources.RolesFor(audience, identity.Roles),
            Lifetime = lifetime,
            NotBefore = notBefore,
            Audience = audience,
        }, AccessTokenIssuer.ClientAuthentication.Certificate);
        return new EndpointResult(200, new JsonObject
        {
            ["access_token"] = token,
            ["expires_on"] = (notBefore + lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = audience,
            ["token_type"] = "Bearer",
            ["client_id"] = identity.ClientId,
        })
        { AppId = identity.ClientId };
    }

    private OperatorManagedIdentity? Select(IReadOnlyDictionary<string, string> query)
    {
        var identities = tenant.Operators.ManagedIdentities;
        bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        if (query.GetValueOrDefault("client_id") is { } clientId)
            return identities.FirstOrDefault(m => Same(m.ClientId, clientId));
        if ((query.GetValueOrDefault("mi_res_id") ?? query.GetValueOrDefault("msi_res_id")) is { } resourceId)
            return identities.FirstOrDefault(m => Same(m.ResourceId, resourceId));
        if ((query.GetValueOrDefault("object_id") ?? query.GetValueOrDefault("principal_id")) is { } objectId)
            return identities.FirstOrDefault(m => Same(m.PrincipalId, objectId));
        return identities.FirstOrDefault(m => m.Kind == ManagedIdentityKind.SystemAssigned);
    }

    // The shape App Service's identity endpoint uses for its errors.
    private static EndpointResult Error(int status, string message) =>
        new(status, new JsonObject { ["statusCode"] = status, ["message"] = message, ["correlationId"] = Guid.NewGuid().ToString() });
}
