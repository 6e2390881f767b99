using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace IdentityContainment.Pipeline;

/// <summary>
/// Reads a property of an object piped into a cmdlet by name, whatever form it arrived in: the module's own live
/// object, a Deserialized one from Import-Clixml, a PSCustomObject from ConvertFrom-Json or Import-Csv (all strings).
/// One set of rules for every cmdlet that takes findings or evidence back.
/// </summary>
public static class PipedProperties
{
    /// <summary>The property as text, or null when absent, empty or blank.</summary>
    public static string? Text(PSObject input, string name) =>
        Unwrap(input.Properties[name]?.Value)?.ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>The property as a list of texts: a collection item by item, one text as one item, absent as none.</summary>
    public static string[] Texts(PSObject input, string name) => Unwrap(input.Properties[name]?.Value) switch
    {
        null => Array.Empty<string>(),
        string one => one.Length == 0 ? Array.Empty<string>() : new[] { one },
        IEnumerable many => many.Cast<object?>().Select(item => Unwrap(item)?.ToString()).OfType<string>().ToArray(),
        object other => new[] { other.ToString() ?? string.Empty },
    };

    /// <summary>
    /// The property as a point in time: a DateTimeOffset or DateTime as it is (a DateTime without a kind is taken as
    /// UTC, as Graph's times are), or text in the round-trip or invariant form JSON and CSV carry.
    /// </summary>
    public static DateTimeOffset? Time(PSObject input, string name) => Unwrap(input.Properties[name]?.Value) switch
    {
        DateTimeOffset offset => offset,
        DateTime time => time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : new DateTimeOffset(time),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed) => parsed,
        _ => null,
    };

    /// <summary>The object inside a PSObject wrapper, or the value itself.</summary>
    public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
