using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Checks a certificate client assertion (RFC 7523) as Entra does: signed (RS256 or PS256) by a
/// certificate registered on the app and named by its x5t or x5t#S256 header, issued by and about the
/// client, addressed to this token endpoint, and within its lifetime.
/// </summary>
internal sealed class ClientAssertionValidator(TenantState tenant)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <returns>Null when the assertion is good; otherwise the AADSTS code and description.</returns>
    public (int Code, string Description)? Validate(string assertion, string clientId, Uri tokenEndpoint)
    {
        if (!Jwt.TryParse(assertion, out var jwt, out _))
            return (50027, "JWT token is invalid or malformed.");
        var certificate = FindCertificate(jwt!, clientId);
        if (certificate is null)
            return (700027, $"The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{jwt!.HeaderString("x5t#S256") ?? jwt.HeaderString("x5t") ?? "none"}']");
        if (!SignatureIsValid(jwt!, certificate))
            return (700027, "Client assertion failed signature validation.");
        if (jwt!.Claim("iss") != clientId || jwt.Claim("sub") != clientId)
            return (700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
        if (!AudienceIsThisEndpoint(jwt.Claim("aud"), tokenEndpoint))
            return (700212, $"Client assertion audience claim does not match the token endpoint '{tokenEndpoint}'.");
        var now = tenant.Clock.GetUtcNow();
        var expires = jwt.TimeClaim("exp");
        var notBefore = jwt.TimeClaim("nbf");
        if (expires is null || expires.Value + ClockSkew < now || (notBefore is not null && notBefore.Value - ClockSkew > now))
            return (700024, "Client assertion is not within its valid time range.");
        return null;
    }

    private X509Certificate2? FindCertificate(Jwt jwt, string clientId)
    {
        var sha256 = jwt.HeaderString("x5t#S256");
        var sha1 = jwt.HeaderString("x5t");
        return tenant.ApplicationCertificates(clientId).FirstOrDefault(c =>
            (sha256 is not null && sha256 == Base64Url.EncodeToString(c.GetCertHash(HashAlgorithmName.SHA256)))
            || (sha1 is not null && sha1 == Base64Url.EncodeToString(c.GetCertHash(HashAlgorithmName.SHA1))));
    }

    private static bool SignatureIsValid(Jwt jwt, X509Certificate2 certificate)
    {
        var padding = jwt.HeaderString("alg") switch
        {
            "RS256" => RSASignaturePadding.Pkcs1,
            "PS256" => RSASignaturePadding.Pss,
            _ => null,
        };
        using var key = certificate.GetRSAPublicKey();
        return padding is not null && key is not null
            && key.VerifyData(Encoding.UTF8.GetBytes(jwt.SigningInput), jwt.Signature, HashAlgorithmName.SHA256, padding);
    }

    /// <summary>Entra accepts its v2.0 token URL, the v1 one and the v2.0 issuer, with the tenant as id or domain.</summary>
    private bool AudienceIsThisEndpoint(string? audience, Uri tokenEndpoint)
    {
        if (!Uri.TryCreate(audience, UriKind.Absolute, out var aud)
            || !string.Equals(aud.Scheme, tokenEndpoint.Scheme, StringComparison.OrdinalIgnoreCase)
            || aud.Port != tokenEndpoint.Port
            || !(aud.IsLoopback && tokenEndpoint.IsLoopback || string.Equals(aud.Host, tokenEndpoint.Host, StringComparison.OrdinalIgnoreCase)))
            return false;
        var segments = aud.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 2 || !tenant.IsThisTenant(segments[0]))
            return false;
        var rest = string.Join('/', segments.Skip(1));
        return rest is "oauth2/v2.0/token" or "oauth2/token" or "v2.0";
    }
}
