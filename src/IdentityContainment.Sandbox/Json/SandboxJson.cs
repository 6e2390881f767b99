using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityContainment.Sandbox;

/// <summary>The JSON settings the sandbox reads scenarios with and writes its own payloads with.</summary>
internal static class SandboxJson
{
    /// <summary>
    /// Strict reading of scenario files: unknown fields, missing required fields and nulls where a
    /// value is required are errors, so a typo in a scenario cannot silently change the story.
    /// Comments and trailing commas are allowed because people write these files by hand.
    /// </summary>
    public static JsonSerializerOptions ForScenario(DateTimeOffset loadTime) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters =
        {
            new ScenarioTimeConverter(loadTime),
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        },
    };

    /// <summary>Graph casing for what the sandbox writes; nulls omitted as Graph omits unset rule properties.</summary>
    public static readonly JsonSerializerOptions Output = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new GraphTimeConverter(),
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase),
        },
    };
}

/// <summary>Writes timestamps in Graph's form (see <see cref="GraphTime"/>).</summary>
internal sealed class GraphTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(GraphTime.Format(value));
}
