using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>The outcome of reading a bearer token: a caller, or the 401 message Graph would give.</summary>
internal sealed record TokenValidationResult(CallerIdentity? Caller, string? Failure)
{
    public static TokenValidationResult Fail(string message) => new(null, message);
}

/// <summary>
/// Checks bearer tokens as Graph does: signature, lifetime, audience and tenant. The audience check
/// is Graph's unless the caller (the Key Vault endpoint) gives its own, with its own message.
/// </summary>
internal sealed class AccessTokenValidator(TokenSigningKey key, TenantState tenant,
    Func<string?, bool>? acceptsAudience = null, Func<string?, string>? invalidAudienceMessage = null)
{
    private readonly Func<string?, bool> _acceptsAudience = acceptsAudience ?? GraphResource.IsGraphAudience;
    private readonly Func<string?, string> _invalidAudience = invalidAudienceMessage ?? (_ => "Access token validation failure. Invalid audience.");

    // Entra's validators allow five minutes of clock skew.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public TokenValidationResult Validate(string? authorizationHeader)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorizationHeader)
            || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || authorizationHeader.Length == scheme.Length)
            return TokenValidationResult.Fail("Access token is empty.");

        var token = authorizationHeader[scheme.Length..].Trim();
        if (!Jwt.TryParse(token, out var jwt, out var parseError))
            return TokenValidationResult.Fail(parseError!);
        if (jwt!.HeaderString("alg") != "RS256" || jwt.HeaderString("kid") != key.KeyId
            || !key.Verify(System.Text.Encoding.UTF8.GetBytes(jwt.SigningInput), jwt.Signature))
            return TokenValidationResult.Fail("Signing key is invalid.");

        var now = tenant.Clock.GetUtcNow();
        var expires = jwt.TimeClaim("exp");
        var notBefore = jwt.TimeClaim("nbf");
        if (expires is null || expires.Value + ClockSkew < now)
            return TokenValidationResult.Fail("Lifetime validation failed, the token is expired.");
        if (notBefore is not null && notBefore.Value - ClockSkew > now)
            return TokenValidationResult.Fail("Lifetime validation failed, the token is not yet valid.");
        if (!_acceptsAudience(jwt.Claim("aud")))
            return TokenValidationResult.Fail(_invalidAudience(jwt.Claim("aud")));
        var tenantId = jwt.Claim("tid");
        if (tenantId is null || !string.Equals(tenantId, tenant.TenantId, StringComparison.OrdinalIgnoreCase)
            || jwt.Claim("iss") != AccessTokenIssuer.Issuer(tenantId))
            return TokenValidationResult.Fail("Access token validation failure. Invalid issuer.");

        var appId = jwt.Claim("appid");
        var objectId = jwt.Claim("oid");
        if (appId is null || objectId is null)
            return TokenValidationResult.Fail("Access token validation failure.");
        var isAppOnly = jwt.Claim("idtyp") == "app" || jwt.Claim("scp") is null;
        return new TokenValidationResult(new CallerIdentity
        {
            AppId = appId,
            AppDisplayName = jwt.Claim("app_displayname"),
            TenantId = tenantId,
            ObjectId = objectId,
            IsAppOnly = isAppOnly,
            Roles = Strings(jwt.Payload["roles"]),
            Scopes = new HashSet<string>((jwt.Claim("scp") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase),
            UserPrincipalName = isAppOnly ? null : jwt.Claim("upn"),
            DirectoryRoleTemplateIds = Strings(jwt.Payload["wids"]),
        }, null);
    }

    private static HashSet<string> Strings(JsonNode? node) =>
        new(node is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()
            : [], StringComparer.OrdinalIgnoreCase);
}
