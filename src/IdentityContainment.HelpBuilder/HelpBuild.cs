using System.Reflection;
using IdentityContainment.HelpBuilder.Checks;
using IdentityContainment.HelpBuilder.Cmdlets;
using IdentityContainment.HelpBuilder.Maml;
using IdentityContainment.HelpBuilder.Markdown;

namespace IdentityContainment.HelpBuilder;

/// <summary>One run of the tool: read the cmdlets and the markdown, hold them against each other, write MAML only if all is well.</summary>
internal static class HelpBuild
{
    /// <summary>The folder's guide to the format; not a cmdlet's help.</summary>
    private const string FormatGuide = "README.md";

    public static IReadOnlyList<HelpProblem> Run(string moduleAssemblyPath, string markdownFolder, string mamlPath, out int commandCount)
    {
        var problems = new List<HelpProblem>();
        commandCount = 0;

        Assembly module = new ModuleAssemblyLoadContext(moduleAssemblyPath).LoadFromAssemblyPath(Path.GetFullPath(moduleAssemblyPath));
        Dictionary<string, CmdletShape> cmdlets = CmdletShapeReader.ReadAll(module).ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        if (cmdlets.Count == 0)
        {
            problems.Add(new HelpProblem(moduleAssemblyPath, 0, "The assembly defines no cmdlets; is this the module assembly?"));
            return problems;
        }

        Dictionary<string, HelpDocument> documents = Directory.GetFiles(markdownFolder, "*.md")
            .Where(f => !Path.GetFileName(f).Equals(FormatGuide, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => HelpMarkdownReader.Read(f, Path.GetFullPath(f), problems), StringComparer.OrdinalIgnoreCase);

        var helped = new List<(CmdletShape, HelpDocument)>();
        foreach (CmdletShape cmdlet in cmdlets.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            if (!documents.TryGetValue(cmdlet.Name, out HelpDocument? help))
            {
                problems.Add(new HelpProblem(
                    Path.GetFullPath(markdownFolder), 0, $"{cmdlet.Name} has no help: write {Path.Combine(markdownFolder, cmdlet.Name + ".md")} (module/help/README.md describes the format)."));
                continue;
            }

            HelpChecker.Check(cmdlet, help, cmdlets, problems);
            helped.Add((cmdlet, help));
        }

        foreach (string orphan in documents.Keys.Where(name => !cmdlets.ContainsKey(name)))
        {
            problems.Add(new HelpProblem(documents[orphan].Path, 1, $"{orphan}.md describes a cmdlet the module does not have."));
        }

        if (problems.Count == 0)
        {
            MamlWriter.Write(helped, mamlPath);
            commandCount = helped.Count;
        }

        return problems;
    }
}
