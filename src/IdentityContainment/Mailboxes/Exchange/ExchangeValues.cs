using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// One property value of an Exchange object in any of the three forms it arrives in: live (bool, string, collections,
/// Exchange's own typed values whose ToString is the text Exchange shows), re-imported with Import-Clixml (deserialized
/// objects that keep that text, ArrayLists, real bools) or with Import-Csv (every value a string, "" for null,
/// collections joined by the collector, or lost when the collector forgot to join them).
/// </summary>
internal static class ExchangeValues
{
    // What Export-Csv writes for a collection it was not asked to join: the collection's type name ("System.Collections.ArrayList",
    // "System.Object[]", "Microsoft.Exchange.Data.MultiValuedProperty`1[...]"). The values are gone; only saying so is honest.
    private static readonly Regex CollectionTypeName = new(
        @"^(Deserialized\.)?(System\.Collections\.[\w.`]+(\[.*\])?|System\.[\w.]+\[\]|[\w.]*MultiValuedProperty`\d.*|[\w.]*ProxyAddressCollection)$",
        RegexOptions.CultureInvariant);

    /// <summary>True when the text is a collection's type name that Export-Csv wrote in place of its values.</summary>
    public static bool IsCollectionTypeName(string text) => CollectionTypeName.IsMatch(text);

    /// <summary>The value as text; null for null, an empty string, or white space.</summary>
    public static string? Text(object? value)
    {
        object? plain = Unwrap(value);
        string? text = plain switch
        {
            null => null,
            string s => s,
            bool b => b ? "True" : "False",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => plain.ToString(),
        };

        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }

    /// <summary>The value as true/false; null when it is absent or empty (a CSV cell, a nullable setting left unset).</summary>
    public static bool? Flag(object? value, string property)
    {
        object? plain = Unwrap(value);
        switch (plain)
        {
            case null:
                return null;
            case bool flag:
                return flag;
            case SwitchParameter switchParameter:
                return switchParameter.IsPresent;
        }

        string? text = Text(plain);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out bool parsed))
        {
            return parsed;
        }

        throw new UnreadableValueException($"{property} is '{text}', which is neither True nor False.");
    }

    /// <summary>
    /// The values of a multi-valued property: each item of a collection, or the parts of a text the collector joined
    /// (with ';', or with ', ' and optionally Format-List's braces "{a, b}"). Separators inside double quotes or square
    /// brackets do not split ("Wilke, Nestor" [SMTP:...]). A text that holds only a collection's type name means the
    /// values were lost on export, and that is an error, not an empty list.
    /// </summary>
    public static IReadOnlyList<string> List(object? value, string property)
    {
        object? plain = Unwrap(value);
        if (plain is null)
        {
            return Array.Empty<string>();
        }

        if (plain is IEnumerable items && plain is not string && plain is not IDictionary)
        {
            var values = new List<string>();
            foreach (object? item in items)
            {
                if (Text(item) is { } text)
                {
                    values.Add(text);
                }
            }

            return values;
        }

        return Split(Text(plain), property);
    }

    private static IReadOnlyList<string> Split(string? text, string property)
    {
        if (text is null)
        {
            return Array.Empty<string>();
        }

        if (CollectionTypeName.IsMatch(text))
        {
            throw new UnreadableValueException(
                $"{property} holds '{text}', the name of a collection type instead of its values: the object was written by Export-Csv " +
                $"without joining its multi-valued properties, so its {property} values are lost. Collect it again with Export-Clixml, " +
                $"or join the values before Export-Csv (for example @{{Name='{property}'; Expression={{$_.{property} -join ';'}}}}).");
        }

        if (text.Length >= 2 && text[0] == '{' && text[text.Length - 1] == '}')
        {
            text = text.Substring(1, text.Length - 2);
        }

        char separator = IndexOutsideQuotes(text, ';') >= 0 ? ';' : ',';
        return SplitOutsideQuotes(text, separator);
    }

    private static int IndexOutsideQuotes(string text, char separator)
    {
        bool quoted = false;
        int brackets = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '[')
            {
                brackets++;
            }
            else if (!quoted && c == ']' && brackets > 0)
            {
                brackets--;
            }
            else if (!quoted && brackets == 0 && c == separator)
            {
                return i;
            }
        }

        return -1;
    }

    private static IReadOnlyList<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        string rest = text;
        int at;
        while ((at = IndexOutsideQuotes(rest, separator)) >= 0)
        {
            AddPart(parts, rest.Substring(0, at));
            rest = rest.Substring(at + 1);
        }

        AddPart(parts, rest);
        return parts;
    }

    private static void AddPart(List<string> parts, string part)
    {
        string trimmed = part.Trim();
        if (trimmed.Length > 0)
        {
            parts.Add(trimmed);
        }
    }

    /// <summary>
    /// The value itself: a PSObject around a .NET value gives that value; a property bag (a deserialized Exchange
    /// type, a PSCustomObject) stays a PSObject, whose ToString is the text Exchange showed when it was serialized.
    /// </summary>
    public static object? Unwrap(object? value)
    {
        while (value is PSObject wrapped)
        {
            object inner = wrapped.BaseObject;
            if (inner is PSCustomObject || ReferenceEquals(inner, wrapped))
            {
                return wrapped;
            }

            value = inner;
        }

        return value;
    }
}
