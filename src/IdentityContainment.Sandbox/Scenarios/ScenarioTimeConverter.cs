using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Reads scenario times: ISO 8601 ("2026-11-20T08:01:00Z") or relative to the moment the scenario is
/// loaded ("now", "-2d", "-36h", "-1d6h30m", "+15m"), so a story such as "phished two days ago" stays
/// true whenever the sandbox starts.
/// </summary>
internal sealed partial class ScenarioTimeConverter(DateTimeOffset loadTime) : JsonConverter<DateTimeOffset>
{
    [GeneratedRegex(@"^(?:now)?(?:(?<sign>[+-])(?<parts>(?:\d+[dhms])+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTime();

    [GeneratedRegex(@"(?<n>\d+)(?<unit>[dhms])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativePart();

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("a time must be a string: an ISO 8601 date-time or a relative time such as \"-2d\".");
        var text = reader.GetString()!.Trim();
        return TryParse(text, loadTime, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a time: use ISO 8601 (2026-11-20T08:01:00Z) or a time relative to load such as now, -2d, -36h, -1d6h or -90m.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(GraphTime.Format(value));

    internal static bool TryParse(string text, DateTimeOffset loadTime, out DateTimeOffset value)
    {
        var relative = RelativeTime().Match(text);
        if (text.Length > 0 && relative.Success)
        {
            var offset = TimeSpan.Zero;
            foreach (Match part in RelativePart().Matches(relative.Groups["parts"].Value))
            {
                var n = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
                offset += char.ToLowerInvariant(part.Groups["unit"].Value[0]) switch
                {
                    'd' => TimeSpan.FromDays(n),
                    'h' => TimeSpan.FromHours(n),
                    'm' => TimeSpan.FromMinutes(n),
                    _ => TimeSpan.FromSeconds(n),
                };
            }
            value = relative.Groups["sign"].Value == "-" ? loadTime - offset : loadTime + offset;
            return true;
        }
        // Absolute times must carry a date, so a bare number is never taken for one.
        if (text.Length >= 10 && char.IsAsciiDigit(text[0])
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }
        value = default;
        return false;
    }
}
