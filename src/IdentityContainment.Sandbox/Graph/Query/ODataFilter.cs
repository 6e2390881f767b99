using System.Globalization;
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
/// The small $filter subset that Graph serves without advanced query headers: <c>prop eq value</c>,
/// <c>prop in (v1, v2)</c>, <c>startswith(prop, 'x')</c>, <c>prop ge|le value</c>, and
/// <c>collection/any(t: clause)</c>, joined by and/or with parentheses. Values are strings, true, false, null,
/// unquoted GUIDs (Edm.Guid properties) and unquoted date-times. Each property says which operators it takes
/// (its resource page's list); anything else (ne, not, endswith...) is refused as Graph refuses it without
/// ConsistencyLevel: eventual.
/// </summary>
internal sealed class ODataFilter
{
    /// <summary>Graph's limit on the values of one <c>in</c> clause when no advanced-query header is sent.</summary>
    public const int MaxInValues = 15;

    private readonly List<string> _tokens;
    private readonly bool _allowOr;
    private IReadOnlyDictionary<string, FilterableProperty> _properties;
    private int _at;

    private ODataFilter(List<string> tokens, IReadOnlyDictionary<string, FilterableProperty> properties, bool allowOr)
    {
        _tokens = tokens;
        _properties = properties;
        _allowOr = allowOr;
    }

    /// <summary>Compiles <paramref name="filter"/> against the properties a resource lets you filter on.</summary>
    /// <param name="allowOr">False for resources whose page documents no <c>or</c> (sign-ins): it is refused, not guessed at.</param>
    public static Func<T, bool> Compile<T>(string filter, IReadOnlyDictionary<string, FilterableProperty<T>> properties, bool allowOr = true)
    {
        var erased = properties.ToDictionary(p => p.Key, p => (FilterableProperty)p.Value, StringComparer.OrdinalIgnoreCase);
        var parser = new ODataFilter(Tokenize(filter), erased, allowOr);
        var predicate = parser.ParseOr();
        if (parser._at != parser._tokens.Count)
            throw new FilterException($"Syntax error at '{parser._tokens[parser._at]}' in the filter clause.", unsupported: false);
        return item => predicate(item!);
    }

    /// <summary>
    /// Compiles a request's $filter (everything matches when there is none), or gives the 400 Graph answers for a
    /// filter it does not support (Request_UnsupportedQuery) or cannot read (BadRequest).
    /// </summary>
    public static bool TryCompile<T>(string? filter, IReadOnlyDictionary<string, FilterableProperty<T>> properties,
        out Func<T, bool> match, out GraphResponse? error, bool allowOr = true)
    {
        match = _ => true;
        error = null;
        if (string.IsNullOrEmpty(filter))
            return true;
        try
        {
            match = Compile(filter, properties, allowOr);
            return true;
        }
        catch (FilterException e)
        {
            error = e.Unsupported ? GraphResponse.UnsupportedQuery() : GraphResponse.Error(400, "BadRequest", $"Invalid filter clause: {e.Message}");
        }
        catch (TooManyClausesException e)
        {
            error = GraphResponse.Error(400, "Request_UnsupportedQuery", e.Message);
        }
        return false;
    }

    private Func<object, bool> ParseOr()
    {
        var left = ParseAnd();
        while (Accept("or"))
        {
            if (!_allowOr)
                throw new FilterException("'or' is not supported on this resource.", unsupported: true);
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
            var property = Property(FilterOperators.StartsWith);
            Expect(",");
            var prefix = Literal() as string ?? throw new FilterException("startswith needs a string.", unsupported: false);
            Expect(")");
            return x => property.ValueOf(x) is string s && s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }
        if (_at < _tokens.Count && _tokens[_at].EndsWith("/any", StringComparison.OrdinalIgnoreCase))
            return ParseAny();
        var name = Next();
        if (Accept("eq"))
        {
            var prop = Property(name, FilterOperators.Eq);
            var value = TypedLiteral(prop);
            return x => AreEqual(prop.ValueOf(x), value);
        }
        if (Accept("in"))
        {
            var prop = Property(name, FilterOperators.In);
            Expect("(");
            var values = new List<object?> { TypedLiteral(prop) };
            while (Accept(","))
                values.Add(TypedLiteral(prop));
            Expect(")");
            if (values.Count > MaxInValues)
                throw new TooManyClausesException(values.Count);
            return x => values.Any(v => AreEqual(prop.ValueOf(x), v));
        }
        if (Accept("ge") || Accept("le"))
        {
            var atLeast = string.Equals(_tokens[_at - 1], "ge", StringComparison.OrdinalIgnoreCase);
            var prop = Property(name, atLeast ? FilterOperators.Ge : FilterOperators.Le);
            if (TypedLiteral(prop) is not DateTimeOffset bound)
                throw new FilterException("ge and le compare date-times.", unsupported: false);
            return x => prop.ValueOf(x) is DateTimeOffset value && (atLeast ? value >= bound : value <= bound);
        }
        throw new FilterException("Unsupported operator.", unsupported: true);
    }

    // collection/any(t: clause): the clause names the item's properties as t/name. Only the collections a resource
    // declares take it (directory audits' targetResources); on anything else it is an advanced query.
    private Func<object, bool> ParseAny()
    {
        var name = Next()[..^"/any".Length];
        if (!_properties.TryGetValue(name, out var found) || found is not IFilterableCollection collection)
            throw new FilterException($"Filtering on '{name}' with any is not supported.", unsupported: true);
        Expect("(");
        var variable = Next();
        if (variable.EndsWith(':'))
            variable = variable[..^1];
        else if (variable.IndexOf(':') is > 0 and var colon)
        {
            // "t:t/id" came as one token: keep the part after the colon for the clause.
            _tokens.Insert(_at, variable[(colon + 1)..]);
            variable = variable[..colon];
        }
        else
            throw new FilterException("Expected 'variable:' in the any clause.", unsupported: false);
        var outer = _properties;
        _properties = collection.ItemProperties.ToDictionary(p => variable + "/" + p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var inner = ParseOr();
        _properties = outer;
        Expect(")");
        return x => collection.ItemsOf(x).Any(inner);
    }

    private FilterableProperty Property(FilterOperators used) => Property(Next(), used);

    private FilterableProperty Property(string name, FilterOperators used)
    {
        if (!_properties.TryGetValue(name, out var property) || property is IFilterableCollection)
            throw new FilterException($"Filtering on '{name}' is not supported.", unsupported: true);
        return (property.Operators & used) != 0
            ? property
            : throw new FilterException($"The operator is not supported on '{name}'.", unsupported: true);
    }

    // A literal of the property's type: OData compares a GUID property with an unquoted GUID and a date-time property
    // with an unquoted date-time; a quoted string there is a type mismatch, which Graph refuses with a 400.
    private object? TypedLiteral(FilterableProperty property)
    {
        var value = Literal();
        var fits = value is null || property.Type switch
        {
            FilterValueType.Guid => value is Guid,
            FilterValueType.DateTime => value is DateTimeOffset,
            FilterValueType.String => value is string,
            FilterValueType.Boolean => value is bool,
            _ => value is string or bool,
        };
        return fits ? value : throw new FilterException("A binary operator with incompatible types was detected.", unsupported: false);
    }

    private object? Literal()
    {
        var token = Next();
        if (token.StartsWith('\''))
            return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
        if (Guid.TryParseExact(token, "D", out var guid))
            return guid;
        if (token.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return time;
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
        (string a, Guid e) => Guid.TryParse(a, out var g) && g == e,
        (bool a, bool e) => a == e,
        (DateTimeOffset a, DateTimeOffset e) => a == e,
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

/// <summary>The comparisons a resource page lists for one filterable property.</summary>
[Flags]
internal enum FilterOperators
{
    Eq = 1,
    In = 2,
    StartsWith = 4,
    Ge = 8,
    Le = 16,

    /// <summary>What every directory property took before each listed its own: eq, in and startswith.</summary>
    Default = Eq | In | StartsWith,
}

/// <summary>The Edm type of a filterable property, which decides the literal it is compared with.</summary>
internal enum FilterValueType
{
    /// <summary>Strings or booleans, unchecked (the properties declared before types were checked).</summary>
    Any,
    String,
    Boolean,
    Guid,
    DateTime,
}

/// <summary>A property $filter may name, and how to read it from an object.</summary>
internal abstract class FilterableProperty(FilterOperators operators, FilterValueType type)
{
    public FilterOperators Operators { get; } = operators;
    public FilterValueType Type { get; } = type;

    public abstract object? ValueOf(object item);
}

internal class FilterableProperty<T>(Func<T, object?> read, FilterOperators operators = FilterOperators.Default, FilterValueType type = FilterValueType.Any)
    : FilterableProperty(operators, type)
{
    public override object? ValueOf(object item) => read((T)item);
}

/// <summary>A collection property that <c>any</c> may search, with the properties of its items.</summary>
internal interface IFilterableCollection
{
    IReadOnlyDictionary<string, FilterableProperty> ItemProperties { get; }

    IEnumerable<object> ItemsOf(object item);
}

internal sealed class FilterableCollection<T, TItem>(Func<T, IEnumerable<TItem>> items, IReadOnlyDictionary<string, FilterableProperty<TItem>> itemProperties)
    : FilterableProperty<T>(_ => throw new InvalidOperationException("A collection is searched with any, not compared."), 0), IFilterableCollection
    where TItem : notnull
{
    public IReadOnlyDictionary<string, FilterableProperty> ItemProperties { get; } =
        itemProperties.ToDictionary(p => p.Key, p => (FilterableProperty)p.Value, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<object> ItemsOf(object item) => items((T)item).Cast<object>();
}
