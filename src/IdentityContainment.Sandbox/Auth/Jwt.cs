using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>The three parts of a compact JWS, decoded; parsing never throws.</summary>
internal sealed record Jwt(JsonObject Header, JsonObject Payload, string SigningInput, byte[] Signature)
{
    public static bool TryParse(string token, out Jwt? jwt, out string? error)
    {
        jwt = null;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            error = parts.Length == 1
                ? "IDX14100: JWT is not well formed, there are no dots (.). The token needs to be in JWS or JWE Compact Serialization Format."
                : "IDX14100: JWT is not well formed. The token needs to be in JWS Compact Serialization Format: 'EncodedHeader.EncodedPayload.EncodedSignature'.";
            return false;
        }
        try
        {
            var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0])) as JsonObject;
            var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject;
            var signature = Base64Url.DecodeFromChars(parts[2]);
            if (header is null || payload is null)
                throw new FormatException();
            jwt = new Jwt(header, payload, parts[0] + "." + parts[1], signature);
            error = null;
            return true;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            error = "IDX14102: Unable to decode the header or payload of the JWT as Base64Url encoded JSON.";
            return false;
        }
    }

    public static string Encode(JsonObject header, JsonObject payload, Func<byte[], byte[]> sign)
    {
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString()))
            + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return signingInput + "." + Base64Url.EncodeToString(sign(Encoding.UTF8.GetBytes(signingInput)));
    }

    public string? HeaderString(string name) => Header[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string? Claim(string name) => Payload[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>
    /// A NumericDate claim (seconds since the epoch), or null when absent or malformed. MSAL writes the
    /// times of its client assertions as strings ("nbf":"1795431180"), and Entra accepts both forms.
    /// </summary>
    public DateTimeOffset? TimeClaim(string name)
    {
        if (Payload[name] is not JsonValue value)
            return null;
        if (value.TryGetValue<double>(out var seconds)
            || (value.TryGetValue<string>(out var text) && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out seconds)))
            return DateTimeOffset.FromUnixTimeSeconds((long)seconds);
        return null;
    }
}
