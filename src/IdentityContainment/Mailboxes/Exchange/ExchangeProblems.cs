namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>The words for an object that cannot be read: what was expected, and what the object had or lacked.</summary>
internal static class ExchangeProblems
{
    private const int PropertiesShown = 25;

    public static string Unknown(ExchangeObject item)
    {
        string type = item.TypeNames.FirstOrDefault() is { } typeName && typeName.IndexOf("PSCustomObject", StringComparison.Ordinal) < 0
            ? $" of type {typeName}"
            : string.Empty;
        string properties = item.PropertyNames.Count == 0
            ? "no properties"
            : "the properties " + string.Join(", ", item.PropertyNames.Take(PropertiesShown))
                + (item.PropertyNames.Count > PropertiesShown ? $" and {item.PropertyNames.Count - PropertiesShown} more" : string.Empty);
        return $"Expected {ExchangeObjectShape.ExpectedCmdlets}; this object{type} has {properties}.";
    }

    public static string Missing(ExchangeObjectKind kind, IReadOnlyList<string> missing, string? howToCollect = null)
    {
        string names = string.Join(", ", missing);
        string verb = missing.Count == 1 ? "is" : "are";
        string advice = howToCollect ?? "Collect the objects whole (Export-Clixml), or keep these columns when exporting to CSV.";
        return $"This {ExchangeObjectShape.Of(kind).Cmdlets} object lacks {names}, which {verb} needed to judge it. {advice}";
    }
}
