using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityContainment.Sandbox;

/// <summary>A write-only secret (a password or a client secret): it can be compared, never read back.</summary>
/// <remarks>
/// Holding secrets in this type rather than in strings means a stray ToString, log line or JSON
/// serialization cannot leak them: each prints a placeholder or refuses outright.
/// </remarks>
[JsonConverter(typeof(SecretTextJsonConverter))]
public sealed class SecretText : IEquatable<SecretText>
{
    private readonly byte[] _utf8;

    public SecretText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _utf8 = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>A random secret nobody knows, for accounts whose scenario gives no password.</summary>
    public static SecretText Random() => new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    /// <summary>Constant-time comparison, so timing reveals nothing about the stored value.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(_utf8, Encoding.UTF8.GetBytes(candidate));

    public bool Equals(SecretText? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(_utf8, other._utf8);

    public override bool Equals(object? obj) => obj is SecretText other && Equals(other);

    // Equal secrets must share a hash code; a constant keeps the hash from saying anything about the value.
    public override int GetHashCode() => 0;

    public override string ToString() => "[secret]";
}

/// <summary>Reads secrets from scenario files; refuses to write them anywhere.</summary>
internal sealed class SecretTextJsonConverter : JsonConverter<SecretText>
{
    public override SecretText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new SecretText(reader.GetString()!)
            : throw new JsonException("a secret must be a JSON string");

    public override void Write(Utf8JsonWriter writer, SecretText value, JsonSerializerOptions options) =>
        throw new InvalidOperationException("Secrets are write-only and are never serialized.");
}
