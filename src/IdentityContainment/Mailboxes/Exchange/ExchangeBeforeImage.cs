using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json.Nodes;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// The object's properties as JSON, kept in the finding so that what a removal took away can be put back by hand.
/// Only properties are written, never a PSObject's methods; Exchange's typed values are written as the text Exchange
/// shows for them, collections as arrays of those texts.
/// </summary>
internal static class ExchangeBeforeImage
{
    public static string Of(ExchangeObject item)
    {
        var json = new JsonObject();
        foreach (string name in item.PropertyNames)
        {
            json[name] = ToJson(SafeValue(item.Source, name));
        }

        return json.ToJsonString();
    }

    private static object? SafeValue(PSObject source, string name)
    {
        try
        {
            return source.Properties[name]?.Value;
        }
        catch (GetValueException)
        {
            // A script property that fails to compute holds nothing to restore.
            return null;
        }
    }

    private static JsonNode? ToJson(object? value)
    {
        object? plain = ExchangeValues.Unwrap(value);
        switch (plain)
        {
            case null:
                return null;
            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case ulong large:
                return JsonValue.Create(large);
            case int or long or short or byte or uint or ushort or sbyte:
                return JsonValue.Create(Convert.ToInt64(plain, CultureInfo.InvariantCulture));
            case DateTime time:
                return JsonValue.Create(time.ToString("o", CultureInfo.InvariantCulture));
            case DateTimeOffset time:
                return JsonValue.Create(time.ToString("o", CultureInfo.InvariantCulture));
            case IEnumerable items when plain is not IDictionary:
                var array = new JsonArray();
                foreach (object? element in items)
                {
                    array.Add(ExchangeValues.Text(element) is { } text ? JsonValue.Create(text) : null);
                }

                return array;
            default:
                return ExchangeValues.Text(plain) is { } shown ? JsonValue.Create(shown) : null;
        }
    }
}
