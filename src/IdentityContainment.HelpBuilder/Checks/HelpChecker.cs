using IdentityContainment.HelpBuilder.Cmdlets;
using IdentityContainment.HelpBuilder.Markdown;

namespace IdentityContainment.HelpBuilder.Checks;

/// <summary>
/// Holds each help file against the compiled cmdlet it describes, so help cannot drift from code: every parameter
/// described and no other, the documented outputs equal to [OutputType], and enough to read (a synopsis, a description,
/// three examples that parse and bind).
/// </summary>
internal static class HelpChecker
{
    public const int MinimumExamples = 3;

    public static void Check(CmdletShape cmdlet, HelpDocument help, IReadOnlyDictionary<string, CmdletShape> module, List<HelpProblem> problems)
    {
        void Problem(int line, string message) => problems.Add(new HelpProblem(help.Path, line, $"{cmdlet.Name}: {message}"));

        if (!string.Equals(help.CommandName, cmdlet.Name, StringComparison.Ordinal))
        {
            Problem(help.CommandNameLine, $"the file must start with '# {cmdlet.Name}' (found '{help.CommandName ?? "nothing"}').");
        }

        foreach (string section in HelpSections.Required.Where(s => !help.Sections.ContainsKey(s)))
        {
            Problem(0, $"the '## {section}' section is missing.");
        }

        CheckText(help, Problem);
        CheckParameters(cmdlet, help, Problem);
        CheckTypes(cmdlet, help, Problem);
        CheckLinks(cmdlet, help, module, Problem);

        if (help.Examples.Count < MinimumExamples)
        {
            Problem(help.Sections.GetValueOrDefault(HelpSections.Examples), $"has {help.Examples.Count} example(s); at least {MinimumExamples} are needed.");
        }

        foreach (HelpExample example in help.Examples)
        {
            if (example.Explanation.IsEmpty)
            {
                Problem(example.Line, $"example '{example.Title}' needs an explanation after its code.");
            }

            ExampleChecker.Check(example, cmdlet, module, Problem);
        }
    }

    private static void CheckText(HelpDocument help, Action<int, string> problem)
    {
        if (help.Synopsis.IsEmpty)
        {
            problem(help.Sections.GetValueOrDefault(HelpSections.Synopsis), "has no synopsis.");
        }
        else if (help.Synopsis.Paragraphs.Count > 1)
        {
            problem(help.Synopsis.Line, "the synopsis is one paragraph; the description says the rest.");
        }

        if (help.Description.IsEmpty)
        {
            problem(help.Sections.GetValueOrDefault(HelpSections.Description), "has no description.");
        }
    }

    private static void CheckParameters(CmdletShape cmdlet, HelpDocument help, Action<int, string> problem)
    {
        foreach (IGrouping<string, HelpParameter> twice in help.Parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problem(twice.Last().Line, $"parameter -{twice.Key} is described twice.");
        }

        foreach (ParameterShape parameter in cmdlet.Parameters)
        {
            HelpParameter? described = help.Parameters.FirstOrDefault(p => p.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (described is null)
            {
                problem(help.Sections.GetValueOrDefault(HelpSections.Parameters), $"parameter -{parameter.Name} has no description; add '### -{parameter.Name}' under '## Parameters'.");
            }
            else if (described.Description.IsEmpty)
            {
                problem(described.Line, $"parameter -{parameter.Name} has no description.");
            }
            else if (!described.Name.Equals(parameter.Name, StringComparison.Ordinal))
            {
                problem(described.Line, $"parameter -{parameter.Name} is spelled -{described.Name}; use the cmdlet's spelling.");
            }
            else if (described.DefaultValue is not null && parameter.DefaultValue is not null
                && !described.DefaultValue.StartsWith(parameter.DefaultValue, StringComparison.OrdinalIgnoreCase))
            {
                problem(described.Line, $"parameter -{parameter.Name} defaults to {parameter.DefaultValue} in code, but the help says '{described.DefaultValue}'.");
            }
        }

        foreach (HelpParameter described in help.Parameters.Where(d => !cmdlet.Parameters.Any(p => p.Name.Equals(d.Name, StringComparison.OrdinalIgnoreCase))))
        {
            problem(described.Line, CommonParameters.IsCommonName(described.Name)
                ? $"-{described.Name} is a common parameter; about_CommonParameters describes it, not the cmdlet's help."
                : $"describes parameter -{described.Name}, which the cmdlet does not have.");
        }
    }

    private static void CheckTypes(CmdletShape cmdlet, HelpDocument help, Action<int, string> problem)
    {
        // Outputs are named by the types [OutputType] declares, so a changed output type forces a help change.
        var declared = cmdlet.OutputTypes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var documented = help.Outputs.Select(o => o.TypeName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (string missing in declared.Except(documented))
        {
            problem(help.Sections.GetValueOrDefault(HelpSections.Outputs), $"[OutputType] declares {missing}; add '### {missing}' under '## Outputs'.");
        }

        foreach (HelpTypeEntry extra in help.Outputs.Where(o => !declared.Contains(o.TypeName)))
        {
            problem(extra.Line, $"'## Outputs' names {extra.TypeName}, which [OutputType] does not declare ({string.Join(", ", declared)}).");
        }

        foreach (HelpTypeEntry output in help.Outputs.Where(o => o.TypeName != "None" && o.Description.IsEmpty))
        {
            problem(output.Line, $"output {output.TypeName} needs a sentence on what it holds.");
        }

        bool takesInput = cmdlet.Parameters.Any(p => p.TakesPipelineInput);
        bool saysNone = help.Inputs.Any(i => i.TypeName.Equals("None", StringComparison.OrdinalIgnoreCase));
        if (help.Sections.ContainsKey(HelpSections.Inputs) && takesInput == (saysNone || help.Inputs.Count == 0))
        {
            problem(help.Sections[HelpSections.Inputs], takesInput
                ? "takes pipeline input, so '## Inputs' must name what it accepts."
                : "takes no pipeline input, so '## Inputs' must say '### None'.");
        }
    }

    private static void CheckLinks(CmdletShape cmdlet, HelpDocument help, IReadOnlyDictionary<string, CmdletShape> module, Action<int, string> problem)
    {
        foreach (HelpLink link in help.RelatedLinks.Where(l => l.Uri is null))
        {
            if (link.Text.Equals(cmdlet.Name, StringComparison.OrdinalIgnoreCase))
            {
                problem(link.Line, "links to itself.");
            }
            else if (!link.Text.StartsWith("about_", StringComparison.OrdinalIgnoreCase) && !module.ContainsKey(link.Text))
            {
                problem(link.Line, $"links to {link.Text}, which is no cmdlet of this module; give another module's command as '- [{link.Text}](https://...)'.");
            }
        }
    }
}
