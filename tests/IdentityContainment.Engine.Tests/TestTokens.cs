using System.Text;
using System.Text.Json.Nodes;

namespace IdentityContainment.Engine.Tests;

/// <summary>Builds JWT-shaped tokens for tests that read claims (the engine never checks signatures; Graph does).</summary>
internal static class TestTokens
{
    public static string Create(JsonObject claims) =>
        $"{Encode(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" })}.{Encode(claims)}.c2lnbmF0dXJl";

    public static JsonObject AppClaims(string audience = "https://graph.microsoft.com", DateTimeOffset? expires = null) => new()
    {
        ["aud"] = audience,
        ["tid"] = "8f6a1b4e-2c3d-4e5f-9a0b-1c2d3e4f5a6b",
        ["appid"] = "3c1f2a9e-7b6d-4c5e-8f9a-0b1c2d3e4f5a",
        ["app_displayname"] = "IdentityContainment Automation",
        ["idtyp"] = "app",
        ["roles"] = new JsonArray("User.RevokeSessions.All", "User.Read.All"),
        ["exp"] = (expires ?? DateTimeOffset.UtcNow.AddHours(1)).ToUnixTimeSeconds(),
    };

    private static string Encode(JsonObject value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
