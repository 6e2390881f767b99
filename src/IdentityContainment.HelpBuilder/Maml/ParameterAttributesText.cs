using IdentityContainment.HelpBuilder.Cmdlets;

namespace IdentityContainment.HelpBuilder.Maml;

/// <summary>
/// The values of a parameter's "Required?", "Position?" and "Accept pipeline input?" lines, and a sentence on the
/// parameter sets when one value cannot tell the truth. Get-Help reads "required" as a plain boolean, so a parameter
/// that is mandatory in some sets only is shown as not required, and the sentence says where it is.
/// </summary>
internal static class ParameterAttributesText
{
    public static string Required(ParameterSetUse use) => use.Mandatory ? "true" : "false";

    public static string Position(ParameterSetUse use) => use.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named";

    public static string PipelineInput(ParameterSetUse use) => (use.FromPipelineByValue, use.FromPipelineByPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    /// <summary>The use a parameter's summary lines describe: its use in the first set it appears in, mandatory only where mandatory everywhere.</summary>
    public static ParameterSetUse Summary(ParameterShape parameter, CmdletShape cmdlet)
    {
        List<ParameterSetUse> uses = UsesBySet(parameter, cmdlet).Select(x => x.Use).ToList();
        return uses[0] with { Mandatory = uses.All(u => u.Mandatory) };
    }

    /// <summary>
    /// "Parameter sets: ..." when the parameter is not in every set or behaves differently between sets; null otherwise.
    /// </summary>
    public static string? ParameterSets(ParameterShape parameter, CmdletShape cmdlet)
    {
        List<(string Set, ParameterSetUse Use)> uses = UsesBySet(parameter, cmdlet);
        List<IGrouping<string, string>> byBehaviour = uses.GroupBy(x => Behaviour(x.Use), x => x.Set).ToList();
        if (byBehaviour.Count == 1)
        {
            return uses.Count == cmdlet.ParameterSets.Count ? null : $"Parameter sets: {Join(byBehaviour[0])}.";
        }

        return "Parameter sets: " + string.Join("; ", byBehaviour.Select(g => $"{Join(g)} ({g.Key})")) + ".";
    }

    private static List<(string Set, ParameterSetUse Use)> UsesBySet(ParameterShape parameter, CmdletShape cmdlet) =>
        cmdlet.ParameterSets
            .Select(set => (Set: set, Use: parameter.UseIn(set)))
            .Where(x => x.Use is not null)
            .Select(x => (x.Set, x.Use!))
            .ToList();

    private static string Behaviour(ParameterSetUse use)
    {
        string required = use.Mandatory ? "required" : "optional";
        string position = use.Position is { } p ? $"position {p}" : "named";
        string pipeline = (use.FromPipelineByValue, use.FromPipelineByPropertyName) switch
        {
            (true, true) => ", from the pipeline by value and by property name",
            (true, false) => ", from the pipeline by value",
            (false, true) => ", from the pipeline by property name",
            _ => string.Empty,
        };
        return $"{required}, {position}{pipeline}";
    }

    private static string Join(IEnumerable<string> sets)
    {
        List<string> names = sets.Select(s => s == System.Management.Automation.ParameterAttribute.AllParameterSets ? "all" : s).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
    }
}
