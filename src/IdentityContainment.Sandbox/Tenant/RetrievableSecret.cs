using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityContainment.Sandbox;

/// <summary>
/// A secret the sandbox must be able to hand back, unlike <see cref="SecretText"/>: a Key Vault
/// secret value, which GET secrets/{name} returns to a caller allowed to read it.
/// </summary>
/// <remarks>
/// Reading it takes an explicit <see cref="Reveal"/>; ToString, logs and JSON serialization show a
/// placeholder or refuse, so the value cannot leak through the request log or a test's output.
/// </remarks>
[JsonConverter(typeof(RetrievableSecretJsonConverter))]
public sealed class RetrievableSecret : IEquatable<RetrievableSecret>
{
    private readonly byte[] _utf8;

    public RetrievableSecret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _utf8 = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>Constant-time comparison with a candidate value.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(_utf8, Encoding.UTF8.GetBytes(candidate));

    /// <summary>The value in clear. Only for the one place that must return it, or a test that must compare it.</summary>
    internal string Reveal() => Encoding.UTF8.GetString(_utf8);

    public bool Equals(RetrievableSecret? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(_utf8, other._utf8);

    public override bool Equals(object? obj) => obj is RetrievableSecret other && Equals(other);

    public override int GetHashCode() => 0;

    public override string ToString() => "[secret]";
}

/// <summary>Refuses to put a retrievable secret into JSON: the vault writes its value explicitly, nothing else may.</summary>
internal sealed class RetrievableSecretJsonConverter : JsonConverter<RetrievableSecret>
{
    public override RetrievableSecret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("A vault secret is never read from JSON this way.");

    public override void Write(Utf8JsonWriter writer, RetrievableSecret value, JsonSerializerOptions options) =>
        throw new InvalidOperationException("Vault secret values are never serialized.");
}
