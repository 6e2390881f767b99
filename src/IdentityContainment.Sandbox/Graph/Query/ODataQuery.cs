using System.Globalization;
using System.Text;

namespace IdentityContainment.Sandbox;

/// <summary>The query options of a Graph request, decoded. Graph accepts them with or without the '$'.</summary>
internal sealed class ODataQuery
{
    private readonly List<KeyValuePair<string, string>> _pairs;

    private ODataQuery(List<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    public static ODataQuery Parse(string rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var name = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Decode(part[(equals + 1)..]);
            pairs.Add(new(name, value));
        }
        return new ODataQuery(pairs);
    }

    public string? Get(string name)
    {
        var bare = name.TrimStart('$');
        foreach (var (key, value) in _pairs)
            if (string.Equals(key.TrimStart('$'), bare, StringComparison.OrdinalIgnoreCase))
                return value;
        return null;
    }

    public bool Has(string name) => Get(name) is not null;

    private static readonly string[] SystemOptions = ["$select", "$filter", "$top", "$skip", "$skiptoken", "$orderby", "$expand", "$search", "$count", "$format"];

    /// <summary>Whether any OData system query option is present (for resources that document none).</summary>
    public bool HasAnySystemOption() => SystemOptions.Any(Has);

    /// <summary>The $select list, or null when none was asked for.</summary>
    public IReadOnlyList<string>? Select =>
        Get("$select") is { } select
            ? select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;

    public string? Filter => Get("$filter");

    public string? SkipToken => Get("$skiptoken");

    /// <summary>$top when it is a whole number; null when absent or not a number (see <see cref="TopIsValid"/>).</summary>
    public int? Top => int.TryParse(Get("$top"), NumberStyles.None, CultureInfo.InvariantCulture, out var top) ? top : null;

    public bool TopIsValid(int max) => Get("$top") is null || Top is >= 1 && Top <= max;

    /// <summary>The options again, minus <paramref name="without"/>, encoded for a nextLink.</summary>
    public string Rebuild(params string[] without)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _pairs)
        {
            if (without.Any(w => string.Equals(w.TrimStart('$'), key.TrimStart('$'), StringComparison.OrdinalIgnoreCase)))
                continue;
            text.Append(text.Length == 0 ? "" : "&").Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }
        return text.ToString();
    }

    // Form-style decoding: '+' is a space, as in HTML forms and most clients' query encoding.
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
