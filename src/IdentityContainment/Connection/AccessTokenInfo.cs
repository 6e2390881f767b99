using IdentityContainment.Errors;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IdentityContainment.Connection;

/// <summary>
/// What an access token says about the connection: tenant, caller, permissions and expiry. Read without validating the
/// signature: that is Graph's job; the module only needs to explain the connection and catch obvious mistakes early.
/// </summary>
public sealed class AccessTokenInfo
{
    private AccessTokenInfo(JsonWebToken token)
    {
        TenantId = Claim(token, "tid");
        ObjectId = Claim(token, "oid");
        AppId = Claim(token, "appid") ?? Claim(token, "azp");
        AppDisplayName = Claim(token, "app_displayname");
        UserPrincipalName = Claim(token, "upn") ?? Claim(token, "unique_name") ?? Claim(token, "preferred_username");
        Audiences = token.Audiences.ToArray();
        ExpiresOn = token.ValidTo == DateTime.MinValue ? null : new DateTimeOffset(token.ValidTo, TimeSpan.Zero);

        string? scopes = Claim(token, "scp");
        IsDelegated = scopes is not null || string.Equals(Claim(token, "idtyp"), "user", StringComparison.OrdinalIgnoreCase);
        Permissions = scopes is not null
            ? scopes.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)
            : token.Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToArray();
        Array.Sort(Permissions, StringComparer.OrdinalIgnoreCase);
        DirectoryRoles = EntraRoles.Named(token.Claims.Where(c => c.Type == "wids").Select(c => c.Value));
    }

    public string? TenantId { get; }

    public string? ObjectId { get; }

    public string? AppId { get; }

    public string? AppDisplayName { get; }

    public string? UserPrincipalName { get; }

    public IReadOnlyList<string> Audiences { get; }

    public DateTimeOffset? ExpiresOn { get; }

    /// <summary>True for a user's token (scopes in <c>scp</c>), false for an app's own token (roles).</summary>
    public bool IsDelegated { get; }

    /// <summary>Delegated scopes or application roles, sorted.</summary>
    public string[] Permissions { get; }

    /// <summary>The Entra roles of the caller (the wids claim): the user's for delegated tokens, the app's for its own.</summary>
    public string[] DirectoryRoles { get; }

    /// <summary>Reads a JWT access token; a token that is not one gets an error that never repeats the token.</summary>
    public static AccessTokenInfo Parse(string accessToken)
    {
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(accessToken.Trim());
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or Microsoft.IdentityModel.Tokens.SecurityTokenMalformedException)
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "AccessTokenMalformed",
                "The access token is not a JSON Web Token (three base64url parts separated by dots). Pass the token itself, "
                + "for example (Get-AzAccessToken -ResourceTypeName MSGraph).Token, without the 'Bearer ' prefix.");
        }

        return new AccessTokenInfo(token);
    }

    private static string? Claim(JsonWebToken token, string type) =>
        token.TryGetPayloadValue(type, out string? value) && !string.IsNullOrEmpty(value) ? value : null;
}
