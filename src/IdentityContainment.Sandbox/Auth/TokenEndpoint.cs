using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// POST /{tenant}/oauth2/v2.0/token with the client credentials grant, answering as Entra does: a
/// secret or a certificate assertion for a registered operator app buys a Graph token carrying the
/// app's application permissions, or a Key Vault token (scope https://vault.localhost/.default).
/// </summary>
internal sealed class TokenEndpoint(TenantState tenant, AccessTokenIssuer issuer, ClientAssertionValidator assertions)
{
    private const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public EndpointResult Handle(string tenantSegment, IReadOnlyDictionary<string, string> form, Uri tokenEndpoint, string? correlationId)
    {
        var now = tenant.Clock.GetUtcNow();
        var clientId = form.GetValueOrDefault("client_id");
        EndpointResult Error(int status, string error, int code, string description) =>
            OAuthError.Create(status, error, code, description, correlationId, now, clientId);

        if (!tenant.IsThisTenant(tenantSegment))
            return Error(400, "invalid_request", 90002,
                $"Tenant '{tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
        var grantType = form.GetValueOrDefault("grant_type");
        if (grantType is null)
            return Error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
        if (grantType != "client_credentials")
            return Error(400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'. The sandbox serves client_credentials only.");
        if (string.IsNullOrEmpty(clientId))
            return Error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
        var scope = form.GetValueOrDefault("scope");
        if (string.IsNullOrEmpty(scope))
            return Error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.");
        if (!scope.EndsWith("/.default", StringComparison.OrdinalIgnoreCase))
            return Error(400, "invalid_scope", 1002012,
                $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        var audience = TokenResources.AudienceFor(scope);
        if (audience is null)
            return Error(400, "invalid_resource", 500011,
                $"The resource principal named {scope[..^"/.default".Length]} was not found in the tenant named {tenant.Info.DisplayName}. The sandbox issues tokens for {TokenResources.Served} only.");

        var application = tenant.FindOperatorApplication(clientId);
        if (application is null)
            return Error(400, "unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory '{tenant.Info.DisplayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");

        AccessTokenIssuer.ClientAuthentication how;
        if (form.GetValueOrDefault("client_secret") is { } secret)
        {
            if (!application.ClientSecrets.Any(s => s.Matches(secret)))
                return Error(401, "invalid_client", 7000215,
                    $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");
            how = AccessTokenIssuer.ClientAuthentication.Secret;
        }
        else if (form.GetValueOrDefault("client_assertion") is { } assertion)
        {
            if (form.GetValueOrDefault("client_assertion_type") != JwtBearerAssertionType)
                return Error(400, "invalid_request", 7000219, $"'client_assertion_type' must be '{JwtBearerAssertionType}'.");
            if (assertions.Validate(assertion, clientId, tokenEndpoint) is { } failure)
                return Error(401, "invalid_client", failure.Code, failure.Description);
            how = AccessTokenIssuer.ClientAuthentication.Certificate;
        }
        else
        {
            return Error(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }

        var lifetime = TimeSpan.FromHours(1);
        var token = issuer.Issue(new AccessTokenRequest
        {
            AppId = application.AppId,
            Permissions = TokenResources.RolesFor(audience, application.Roles),
            Lifetime = lifetime,
            Audience = audience,
        }, how);
        var expiresIn = (int)lifetime.TotalSeconds - 1;
        var result = new EndpointResult(200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = expiresIn,
            ["ext_expires_in"] = expiresIn,
            ["access_token"] = token,
        })
        { AppId = application.AppId };
        result.Headers["Cache-Control"] = "no-store, no-cache";
        result.Headers["Pragma"] = "no-cache";
        return result;
    }
}
