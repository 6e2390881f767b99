using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Mints access tokens shaped like Entra's v1.0 tokens for Microsoft Graph.</summary>
internal sealed class AccessTokenIssuer(TokenSigningKey key, TenantState tenant)
{
    /// <summary>How the client proved itself, as the appidacr claim records it.</summary>
    public enum ClientAuthentication
    {
        None = 0,
        Secret = 1,
        Certificate = 2,
    }

    public static string Issuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    public string Issue(AccessTokenRequest request, ClientAuthentication clientAuthentication = ClientAuthentication.Secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.AppId);
        if (request.Lifetime <= TimeSpan.Zero)
            throw new ArgumentException("Lifetime must be positive.", nameof(request));

        var tenantId = request.TenantId ?? tenant.TenantId;
        var notBefore = request.NotBefore ?? tenant.Clock.GetUtcNow();
        var expires = notBefore + request.Lifetime;
        var application = tenant.FindOperatorApplication(request.AppId);
        var managedIdentity = tenant.Operators.ManagedIdentities.FirstOrDefault(m => string.Equals(m.ClientId, request.AppId, StringComparison.OrdinalIgnoreCase));
        var servicePrincipal = tenant.FindServicePrincipalByAppId(request.AppId);
        var appDisplayName = application?.DisplayName ?? managedIdentity?.DisplayName ?? servicePrincipal?.DisplayName ?? request.AppId;

        var payload = new JsonObject
        {
            ["aud"] = request.Audience,
            ["iss"] = Issuer(tenantId),
            ["iat"] = notBefore.ToUnixTimeSeconds(),
            ["nbf"] = notBefore.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["app_displayname"] = appDisplayName,
            ["appid"] = request.AppId,
            ["appidacr"] = ((int)clientAuthentication).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["idp"] = Issuer(tenantId),
            ["tid"] = tenantId,
            ["uti"] = Guid.NewGuid().ToString("N")[..22],
            ["ver"] = "1.0",
        };

        if (request.UserPrincipalName is null)
        {
            var objectId = application?.ServicePrincipalId ?? managedIdentity?.PrincipalId ?? servicePrincipal?.Id ?? DerivedObjectId(request.AppId);
            payload["idtyp"] = "app";
            payload["oid"] = objectId;
            payload["sub"] = objectId;
            payload["roles"] = new JsonArray(request.Permissions.Select(p => (JsonNode)p).ToArray());
            payload["wids"] = RoleIds(request.DirectoryRoles ?? application?.DirectoryRoles ?? managedIdentity?.DirectoryRoles ?? []);
            if (managedIdentity?.ResourceId is not null)
                payload["xms_mirid"] = managedIdentity.ResourceId;
        }
        else
        {
            var user = tenant.FindUser(request.UserPrincipalName)
                ?? throw new ArgumentException($"No user '{request.UserPrincipalName}' exists in the sandbox tenant.", nameof(request));
            payload["idtyp"] = "user";
            payload["oid"] = user.Id;
            payload["sub"] = DerivedObjectId(user.Id + request.AppId);
            payload["scp"] = string.Join(' ', request.Permissions);
            if (user.IsGuest)
            {
                // Entra gives a guest no upn claim: unique_name and email carry their home identity, not the #EXT#
                // UPN of this tenant, and idp names their home issuer (MicrosoftDocs/azure-docs#41385,
                // cgillum/easyauth#9). Only oid names the account in this tenant.
                var home = user.Mail ?? user.UserPrincipalName;
                payload["unique_name"] = home;
                payload["email"] = home;
                payload["idp"] = Issuer(DerivedObjectId(home[(home.IndexOf('@') + 1)..]));
            }
            else
            {
                payload["upn"] = user.UserPrincipalName;
                payload["unique_name"] = user.UserPrincipalName;
            }

            payload["name"] = user.DisplayName;
            payload["given_name"] = user.GivenName;
            payload["family_name"] = user.Surname;
            payload["amr"] = new JsonArray("pwd", "mfa");
            payload["wids"] = RoleIds(user.DirectoryRoles);
        }

        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256", ["x5t"] = key.KeyId, ["kid"] = key.KeyId };
        return Jwt.Encode(header, payload, key.Sign);
    }

    private static JsonArray RoleIds(IEnumerable<string> roleNames) =>
        new(roleNames.Where(DirectoryRoles.IsKnown).Select(r => (JsonNode)DirectoryRoles.TemplateId(r)).ToArray());

    // A stable stand-in object id for callers the scenario does not describe.
    private static string DerivedObjectId(string seed) => StableGuid.From(seed);
}
