using System.Management.Automation;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// An object piped in or re-imported, seen through its properties only (names compared without case, as PowerShell
/// does): live, Import-Clixml and Import-Csv objects carry the same names and differ only in how values are held.
/// </summary>
internal sealed class ExchangeObject
{
    private readonly PSObject _source;

    public ExchangeObject(PSObject source)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        PropertyNames = source.Properties.Select(property => property.Name).ToList();
        Names = new HashSet<string>(PropertyNames, StringComparer.OrdinalIgnoreCase);
        TypeNames = source.TypeNames.ToList();
    }

    public PSObject Source => _source;

    /// <summary>The property names in the object's own order.</summary>
    public IReadOnlyList<string> PropertyNames { get; }

    public IReadOnlyCollection<string> Names { get; }

    public IReadOnlyList<string> TypeNames { get; }

    public bool Has(string property) => Names.Contains(property);

    public bool HasAny(IEnumerable<string> properties) => properties.Any(Has);

    /// <summary>The names among <paramref name="required"/> that the object does not carry.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> required) => required.Where(property => !Has(property)).ToList();

    public object? Value(string property)
    {
        PSPropertyInfo? info = _source.Properties[property];
        if (info is null)
        {
            return null;
        }

        try
        {
            return info.Value;
        }
        catch (GetValueException error)
        {
            throw new UnreadableValueException($"{property} could not be read: {error.Message}");
        }
    }

    public string? Text(string property) => ExchangeValues.Text(Value(property));

    /// <summary>The first of <paramref name="properties"/> that has a text.</summary>
    public string? FirstText(params string[] properties) => properties.Select(Text).FirstOrDefault(text => text is not null);

    public bool? Flag(string property) => ExchangeValues.Flag(Value(property), property);

    public IReadOnlyList<string> List(string property) => ExchangeValues.List(Value(property), property);

    /// <summary>The values of several multi-valued properties, in order.</summary>
    public IReadOnlyList<string> Lists(params string[] properties) => properties.SelectMany(List).ToList();

    /// <summary>A GUID-valued property as text (ExternalDirectoryObjectId; MailboxOwnerId in newer sessions); null when not a GUID.</summary>
    public string? Guid(string property) => Text(property) is { } text && System.Guid.TryParse(text, out Guid id) ? id.ToString() : null;
}
