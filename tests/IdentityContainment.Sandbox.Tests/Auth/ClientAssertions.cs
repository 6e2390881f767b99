using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>Builds RFC 7523 client assertions the way MSAL does, to exercise the token endpoint.</summary>
internal static class ClientAssertions
{
    public static string Create(X509Certificate2 certificate, string clientId, string audience, bool pss = false, TimeSpan? lifetime = null)
    {
        var now = DateTimeOffset.UtcNow;
        var header = new JsonObject { ["alg"] = pss ? "PS256" : "RS256", ["typ"] = "JWT" };
        if (pss)
            header["x5t#S256"] = Base64Url.EncodeToString(certificate.GetCertHash(HashAlgorithmName.SHA256));
        else
            header["x5t"] = Base64Url.EncodeToString(certificate.GetCertHash(HashAlgorithmName.SHA1));
        var payload = new JsonObject
        {
            ["aud"] = audience,
            ["iss"] = clientId,
            ["sub"] = clientId,
            ["jti"] = Guid.NewGuid().ToString(),
            // MSAL writes these as strings; the endpoint must take both forms.
            ["nbf"] = pss ? now.ToUnixTimeSeconds().ToString() : now.ToUnixTimeSeconds(),
            ["exp"] = (now + (lifetime ?? TimeSpan.FromMinutes(10))).ToUnixTimeSeconds(),
        };
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
            + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        using var key = certificate.GetRSAPrivateKey()!;
        var signature = key.SignData(Encoding.UTF8.GetBytes(input), HashAlgorithmName.SHA256, pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.EncodeToString(signature);
    }
}
