using System.Management.Automation.Language;
using IdentityContainment.HelpBuilder.Cmdlets;
using IdentityContainment.HelpBuilder.Markdown;

namespace IdentityContainment.HelpBuilder.Checks;

/// <summary>
/// Examples must run, so each is parsed with PowerShell's own parser, and every call of a module cmdlet in it is bound
/// against the compiled parameters: a renamed parameter or a combination no parameter set allows fails the build
/// instead of failing a reader mid-incident.
/// </summary>
internal static class ExampleChecker
{
    public static void Check(HelpExample example, CmdletShape documented, IReadOnlyDictionary<string, CmdletShape> module, Action<int, string> problem)
    {
        ScriptBlockAst script = Parser.ParseInput(example.Code, out _, out ParseError[] errors);
        if (errors.Length > 0)
        {
            ParseError first = errors[0];
            problem(LineOf(example, first.Extent), $"example '{example.Title}' does not parse: {first.Message}");
            return;
        }

        List<CommandAst> calls = script.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>().ToList();
        if (!calls.Any(c => documented.Name.Equals(c.GetCommandName(), StringComparison.OrdinalIgnoreCase)))
        {
            problem(example.Line, $"example '{example.Title}' never calls {documented.Name}.");
        }

        foreach (CommandAst call in calls)
        {
            if (call.GetCommandName() is { } name && module.TryGetValue(name, out CmdletShape? cmdlet))
            {
                CheckCall(call, cmdlet, example, problem);
            }
        }
    }

    private static void CheckCall(CommandAst call, CmdletShape cmdlet, HelpExample example, Action<int, string> problem)
    {
        var bound = new List<ParameterShape>();
        foreach (CommandParameterAst typed in call.CommandElements.OfType<CommandParameterAst>())
        {
            ParameterMatch match = cmdlet.Match(typed.ParameterName);
            if (match.Parameter is { } parameter)
            {
                bound.Add(parameter);
            }
            else if (match.Ambiguous.Count > 1)
            {
                problem(LineOf(example, typed.Extent), $"example '{example.Title}': -{typed.ParameterName} of {cmdlet.Name} is ambiguous ({string.Join(", ", match.Ambiguous.Select(p => "-" + p.Name))}).");
            }
            else if (!CommonParameters.Binds(typed.ParameterName, cmdlet.SupportsShouldProcess))
            {
                problem(LineOf(example, typed.Extent), $"example '{example.Title}' passes -{typed.ParameterName}, which {cmdlet.Name} does not have.");
            }
        }

        if (bound.Count > 1 && !cmdlet.ParameterSets.Any(set => bound.All(p => p.IsIn(set))))
        {
            problem(LineOf(example, call.Extent), $"example '{example.Title}' calls {cmdlet.Name} with {string.Join(", ", bound.Select(p => "-" + p.Name))}, which no parameter set allows together.");
        }
    }

    /// <summary>The markdown line of a place in an example's code.</summary>
    private static int LineOf(HelpExample example, IScriptExtent extent) => example.CodeLine + extent.StartLineNumber - 1;
}
