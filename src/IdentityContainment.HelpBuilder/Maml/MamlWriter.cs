using System.Text;
using System.Xml;
using System.Xml.Linq;
using IdentityContainment.HelpBuilder.Cmdlets;
using IdentityContainment.HelpBuilder.Markdown;
using static IdentityContainment.HelpBuilder.Maml.MamlNamespaces;

namespace IdentityContainment.HelpBuilder.Maml;

/// <summary>
/// Writes the MAML file Get-Help reads for compiled cmdlets. Facts about binding (syntax, required, position, pipeline
/// input, aliases, types, defaults) come from the cmdlet; words come from the markdown.
/// </summary>
internal static class MamlWriter
{
    public static void Write(IEnumerable<(CmdletShape Cmdlet, HelpDocument Help)> commands, string path)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                HelpItemsNs + "helpItems",
                new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", MamlNs),
                new XAttribute(XNamespace.Xmlns + "command", CommandNs),
                new XAttribute(XNamespace.Xmlns + "dev", DevNs),
                commands.Select(c => CommandElement(c.Cmdlet, c.Help))));

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        // Written beside the target and moved over it, so a reader never sees half a file.
        string temporary = path + ".tmp";
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        using (XmlWriter writer = XmlWriter.Create(temporary, settings))
        {
            document.Save(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static XElement CommandElement(CmdletShape cmdlet, HelpDocument help) =>
        new(
            CommandNs + "command",
            new XElement(
                CommandNs + "details",
                new XElement(CommandNs + "name", cmdlet.Name),
                new XElement(CommandNs + "verb", cmdlet.Verb),
                new XElement(CommandNs + "noun", cmdlet.Noun),
                Description(help.Synopsis)),
            Description(help.Description),
            new XElement(CommandNs + "syntax", cmdlet.ParameterSets.Select(set => SyntaxItem(cmdlet, set))),
            new XElement(CommandNs + "parameters", ParametersInReadingOrder(cmdlet).Select(p => ParameterEntry(cmdlet, p, help))),
            new XElement(CommandNs + "inputTypes", help.Inputs.Select(i => TypeEntry(CommandNs + "inputType", i))),
            new XElement(CommandNs + "returnValues", help.Outputs.Select(o => TypeEntry(CommandNs + "returnValue", o))),
            help.Notes.IsEmpty ? null : new XElement(MamlNs + "alertSet", new XElement(MamlNs + "alert", Paragraphs(help.Notes))),
            new XElement(CommandNs + "examples", help.Examples.Select((e, i) => Example(e, i + 1))),
            new XElement(CommandNs + "relatedLinks", help.RelatedLinks.Select(Link)));

    private static XElement SyntaxItem(CmdletShape cmdlet, string parameterSet) =>
        new(
            CommandNs + "syntaxItem",
            new XElement(MamlNs + "name", cmdlet.Name),
            cmdlet.ParametersOf(parameterSet).Select(x => new XElement(
                CommandNs + "parameter",
                new XAttribute("required", ParameterAttributesText.Required(x.Use)),
                new XAttribute("variableLength", x.Parameter.Type.IsArray ? "true" : "false"),
                new XAttribute("globbing", x.Parameter.SupportsWildcards ? "true" : "false"),
                new XAttribute("pipelineInput", ParameterAttributesText.PipelineInput(x.Use)),
                new XAttribute("position", ParameterAttributesText.Position(x.Use)),
                new XElement(MamlNs + "name", x.Parameter.Name),
                ValueOf(x.Parameter, inSyntax: true))));

    /// <summary>Each parameter once: in the order the syntax first shows it.</summary>
    private static IEnumerable<ParameterShape> ParametersInReadingOrder(CmdletShape cmdlet) =>
        cmdlet.ParameterSets.SelectMany(set => cmdlet.ParametersOf(set).Select(x => x.Parameter)).Distinct();

    private static XElement ParameterEntry(CmdletShape cmdlet, ParameterShape parameter, HelpDocument help)
    {
        HelpParameter described = help.Parameters.First(p => p.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase));
        ParameterSetUse summary = ParameterAttributesText.Summary(parameter, cmdlet);
        string? parameterSets = ParameterAttributesText.ParameterSets(parameter, cmdlet);
        HelpText description = parameterSets is null
            ? described.Description
            : described.Description with { Paragraphs = [.. described.Description.Paragraphs, parameterSets] };

        return new XElement(
            CommandNs + "parameter",
            new XAttribute("required", ParameterAttributesText.Required(summary)),
            new XAttribute("variableLength", parameter.Type.IsArray ? "true" : "false"),
            new XAttribute("globbing", parameter.SupportsWildcards ? "true" : "false"),
            new XAttribute("pipelineInput", ParameterAttributesText.PipelineInput(summary)),
            new XAttribute("position", ParameterAttributesText.Position(summary)),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(MamlNs + "name", parameter.Name),
            Description(description),
            ValueOf(parameter, inSyntax: false),
            new XElement(DevNs + "type", new XElement(MamlNs + "name", TypeDisplayName.Full(parameter.Type)), new XElement(MamlNs + "uri")),
            new XElement(DevNs + "defaultValue", parameter.DefaultValue ?? described.DefaultValue ?? "None"));
    }

    /// <summary>
    /// What follows the parameter's name: the values an enum or ValidateSet allows, else the type. A switch has no value in
    /// the syntax; in the parameter list it shows its type, as PowerShell's own help does.
    /// </summary>
    private static object? ValueOf(ParameterShape parameter, bool inSyntax)
    {
        if (parameter.IsSwitch && inSyntax)
        {
            return null;
        }

        XElement value = new(
            CommandNs + "parameterValue",
            new XAttribute("required", parameter.IsSwitch ? "false" : "true"),
            new XAttribute("variableLength", "false"),
            TypeDisplayName.Short(parameter.Type));

        if (!inSyntax || parameter.AllowedValues.Count == 0)
        {
            return value;
        }

        return new XElement(
            CommandNs + "parameterValueGroup",
            parameter.AllowedValues.Select(v => new XElement(
                CommandNs + "parameterValue",
                new XAttribute("required", "false"),
                new XAttribute("variableLength", "false"),
                v)));
    }

    private static XElement TypeEntry(XName name, HelpTypeEntry entry) =>
        new(
            name,
            new XElement(DevNs + "type", new XElement(MamlNs + "name", entry.TypeName), new XElement(MamlNs + "uri")),
            Description(entry.Description));

    private static XElement Example(HelpExample example, int number) =>
        new(
            CommandNs + "example",
            new XElement(MamlNs + "title", $"--------- Example {number}: {example.Title} ---------"),
            new XElement(DevNs + "code", example.Code),
            // The empty last paragraph puts a blank line between one example's explanation and the next example's title.
            new XElement(DevNs + "remarks", Paragraphs(example.Explanation), new XElement(MamlNs + "para")));

    private static XElement Link(HelpLink link) =>
        new(
            MamlNs + "navigationLink",
            new XElement(MamlNs + "linkText", link.Text),
            new XElement(MamlNs + "uri", link.Uri ?? string.Empty));

    private static XElement Description(HelpText text) => new(MamlNs + "description", Paragraphs(text));

    private static IEnumerable<XElement> Paragraphs(HelpText text) => text.Paragraphs.Select(p => new XElement(MamlNs + "para", p));
}
