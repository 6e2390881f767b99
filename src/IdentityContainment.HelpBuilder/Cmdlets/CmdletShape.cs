namespace IdentityContainment.HelpBuilder.Cmdlets;

/// <summary>What a compiled cmdlet really is, read from its attributes: the facts help must agree with.</summary>
internal sealed record CmdletShape(
    string Name,
    string Verb,
    string Noun,
    bool SupportsShouldProcess,
    IReadOnlyList<string> ParameterSets,
    string? DefaultParameterSet,
    IReadOnlyList<ParameterShape> Parameters,
    IReadOnlyList<string> OutputTypes)
{
    /// <summary>The parameters of one set, in the order a reader expects: positional by position, then required, then optional.</summary>
    public IReadOnlyList<(ParameterShape Parameter, ParameterSetUse Use)> ParametersOf(string parameterSet) =>
        Parameters
            .Select(p => (Parameter: p, Use: p.UseIn(parameterSet)))
            .Where(x => x.Use is not null)
            .Select(x => (x.Parameter, Use: x.Use!))
            .OrderBy(x => x.Use.Position ?? int.MaxValue)
            .ThenBy(x => x.Use.Mandatory ? 0 : 1)
            .ToList();

    /// <summary>Finds a parameter the way PowerShell binds one: its name, an alias, or an unambiguous prefix of a name.</summary>
    public ParameterMatch Match(string typed)
    {
        ParameterShape? exact = Parameters.FirstOrDefault(p =>
            p.Name.Equals(typed, StringComparison.OrdinalIgnoreCase)
            || p.Aliases.Any(a => a.Equals(typed, StringComparison.OrdinalIgnoreCase)));
        if (exact is not null)
        {
            return new ParameterMatch(exact, []);
        }

        List<ParameterShape> byPrefix = Parameters.Where(p => p.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return byPrefix.Count == 1 ? new ParameterMatch(byPrefix[0], []) : new ParameterMatch(null, byPrefix);
    }
}

/// <summary>The parameter a typed name binds to, or, when it binds to none, the candidates that made it ambiguous.</summary>
internal sealed record ParameterMatch(ParameterShape? Parameter, IReadOnlyList<ParameterShape> Ambiguous);
