using System.Text;

namespace IdentityContainment.Sandbox;

/// <summary>A $filter expression Graph would reject: unsupported (400 Request_UnsupportedQuery) or malformed.</summary>
internal sealed class FilterException(string message, bool unsupported) : Exception(message)
{
    public bool Unsupported { get; } = unsupported;
}

/// <summary>More values in one <c>in</c> clause than Graph takes without advanced queries (400 Request_UnsupportedQuery).</summary>
internal sealed class TooManyClausesException(int count)
    : Exception($"Too many child clauses specified in search filter expression containing 'OR' operators: {count}. Max allowed: {ODataFilter.MaxInValues}.");

/// <summary>
/// The small $filter subset that Graph serves on directory objects without advanced query headers:
/// <c>prop eq value</c>, <c>prop in (v1, v2)</c>, <c>startswith(prop, 'x')</c>, joined by and/or with
/// parentheses. Values are strings, true, false or null. Anything else (ne, not, endswith, any...) is
/// refused as Graph refuses it without ConsistencyLevel: eventual.
/// </summary>
internal sealed class ODataFilter
{
    /// <summary>Graph's limit on the values of one <c>in</c> clause when no advanced-query header is sent.</summary>
    public const int MaxInValues = 15;

    private readonly List<string> _tokens;
    private readonly IReadOnlyDictionary<string, FilterableProperty> _properties;
    private int _at;

    private ODataFilter(List<string> tokens, IReadOnlyDictionary<string, FilterableProperty> properties)
    {
        _tokens = tokens;
        _properties = properties;
    }

    /// <summary>Compiles <paramref name="filter"/> against the properties a resource lets you filter on.</summary>
    public static Func<T, bool> Compile<T>(string filter, IReadOnlyDictionary<string, FilterableProperty<T>> properties)
    {
        var erased = properties.ToDictionary(p => p.Key, p => (FilterableProperty)p.Value, StringComparer.OrdinalIgnoreCase);
        var parser = new ODataFilter(Tokenize(filter), erased);
        var predicate = parser.ParseOr();
        if (parser._at != parser._tokens.Count)
            throw new FilterException($"Syntax error at '{parser._tokens[parser._at]}' in the filter clause.", unsupported: false);
        return item => predicate(item!);
    }

    private Func<object, bool> ParseOr()
    {
        var left = ParseAnd();
        while (Accept("or"))
        {
            var l = left;
            var r = ParseAnd();
            left = x => l(x) || r(x);
        }
        return left;
    }

    private Func<object, bool> ParseAnd()
    {
        var left = ParseClause();
        while (Accept("and"))
        {
            var l = left;
            var r = ParseClause();
            left = x => l(x) && r(x);
        }
        return left;
    }

    private Func<object, bool> ParseClause()
    {
        if (Accept("("))
        {
            var inner = ParseOr();
            Expect(")");
            return inner;
        }
        if (Accept("startswith"))
        {
            Expect("(");
            var property = Property();
            Expect(",");
            var prefix = Literal() as string ?? throw new FilterException("startswith needs a string.", unsupported: false);
            Expect(")");
            return x => property.ValueOf(x) is string s && s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }
        var prop = Property();
        if (Accept("eq"))
        {
            var value = Literal();
            return x => AreEqual(prop.ValueOf(x), value);
        }
        if (Accept("in"))
        {
            Expect("(");
            var values = new List<object?> { Literal() };
            while (Accept(","))
                values.Add(Literal());
            Expect(")");
            if (values.Count > MaxInValues)
                throw new TooManyClausesException(values.Count);
            return x => values.Any(v => AreEqual(prop.ValueOf(x), v));
        }
        throw new FilterException("Unsupported operator.", unsupported: true);
    }

    private FilterableProperty Property()
    {
        var name = Next();
        return _properties.TryGetValue(name, out var property)
            ? property
            : throw new FilterException($"Filtering on '{name}' is not supported.", unsupported: true);
    }

    private object? Literal()
    {
        var token = Next();
        if (token.StartsWith('\''))
            return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
        return token.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ => throw new FilterException($"'{token}' is not a supported literal.", unsupported: true),
        };
    }

    private static bool AreEqual(object? actual, object? expected) => (actual, expected) switch
    {
        (null, null) => true,
        (string a, string e) => string.Equals(a, e, StringComparison.OrdinalIgnoreCase),
        (bool a, bool e) => a == e,
        _ => false,
    };

    private bool Accept(string token)
    {
        if (_at < _tokens.Count && string.Equals(_tokens[_at], token, StringComparison.OrdinalIgnoreCase))
        {
            _at++;
            return true;
        }
        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
            throw new FilterException($"Expected '{token}' in the filter clause.", unsupported: false);
    }

    private string Next() =>
        _at < _tokens.Count ? _tokens[_at++] : throw new FilterException("The filter clause ends too early.", unsupported: false);

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
                i++;
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '\'')
            {
                var literal = new StringBuilder("'");
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FilterException("Unterminated string literal in the filter clause.", unsupported: false);
                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        literal.Append("''");
                        i += 2;
                    }
                    else if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                        literal.Append(text[i++]);
                }
                tokens.Add(literal.Append('\'').ToString());
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or ',' or '\''))
                    i++;
                tokens.Add(text[start..i]);
            }
        }
        return tokens;
    }
}

/// <summary>A property $filter may name, and how to read it from an object.</summary>
internal abstract class FilterableProperty
{
    public abstract object? ValueOf(object item);
}

internal sealed class FilterableProperty<T>(Func<T, object?> read) : FilterableProperty
{
    public override object? ValueOf(object item) => read((T)item);
}
