namespace IdentityContainment.HelpBuilder.Cmdlets;

/// <summary>One parameter of a cmdlet as PowerShell binds it.</summary>
internal sealed record ParameterShape(
    string Name,
    Type Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParameterSetUse> Uses,
    IReadOnlyList<string> AllowedValues,
    bool SupportsWildcards,
    string? DefaultValue)
{
    public bool IsSwitch => Type == typeof(System.Management.Automation.SwitchParameter);

    public bool TakesPipelineInput => Uses.Any(u => u.FromPipelineByValue || u.FromPipelineByPropertyName);

    public ParameterSetUse? UseIn(string parameterSet) =>
        Uses.FirstOrDefault(u => u.ParameterSet == parameterSet)
        ?? Uses.FirstOrDefault(u => u.ParameterSet == System.Management.Automation.ParameterAttribute.AllParameterSets);

    public bool IsIn(string parameterSet) => UseIn(parameterSet) is not null;
}

/// <summary>How a parameter behaves in one parameter set. <see cref="Position"/> is null for a named-only parameter.</summary>
internal sealed record ParameterSetUse(
    string ParameterSet,
    bool Mandatory,
    int? Position,
    bool FromPipelineByValue,
    bool FromPipelineByPropertyName);
