using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>The per-server RSA key the sandbox signs access tokens with (RS256), like Entra's signing keys.</summary>
internal sealed class TokenSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TokenSigningKey()
    {
        // Entra's kid is a thumbprint-like string; a hash of the public key is stable and unique per server.
        var spki = _rsa.ExportSubjectPublicKeyInfo();
        KeyId = Base64Url.EncodeToString(SHA256.HashData(spki).AsSpan(0, 20));
    }

    public string KeyId { get; }

    public byte[] Sign(byte[] data) => _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public bool Verify(byte[] data, byte[] signature) =>
        _rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The public key as a JSON Web Key, for the discovery keys document.</summary>
    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
    }

    public void Dispose() => _rsa.Dispose();
}
