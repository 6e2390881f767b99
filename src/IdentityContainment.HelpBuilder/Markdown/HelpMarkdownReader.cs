using System.Text.RegularExpressions;
using IdentityContainment.HelpBuilder.Checks;

namespace IdentityContainment.HelpBuilder.Markdown;

/// <summary>
/// Reads one help file (module/help/Verb-Noun.md). The format is ours and strict on purpose: a misplaced heading is
/// reported, never guessed at, so that what Get-Help shows is exactly what the file says.
/// </summary>
internal static partial class HelpMarkdownReader
{
    public static HelpDocument Read(string path, string displayPath, List<HelpProblem> problems)
    {
        SourceLine[] lines = File.ReadAllLines(path).Select((text, index) => new SourceLine(index + 1, text)).ToArray();
        var document = new HelpDocument(displayPath);
        void Problem(int line, string message) => problems.Add(new HelpProblem(displayPath, line, message));

        List<Section> sections = SplitIntoSections(lines, document, Problem);
        foreach (Section section in sections)
        {
            string? name = HelpSections.All.FirstOrDefault(s => s.Equals(section.Title, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                Problem(section.Line, $"Unknown section '## {section.Title}'. The sections are: {string.Join(", ", HelpSections.All)}.");
                continue;
            }

            if (!document.Sections.TryAdd(name, section.Line))
            {
                Problem(section.Line, $"Section '## {name}' appears twice.");
                continue;
            }

            ReadSection(name, section, document, Problem);
        }

        return document;
    }

    private static void ReadSection(string name, Section section, HelpDocument document, Action<int, string> problem)
    {
        bool takesSubsections = name is HelpSections.Examples or HelpSections.Parameters or HelpSections.Inputs or HelpSections.Outputs or HelpSections.Notes;
        if (!takesSubsections && section.Subsections.Count > 0)
        {
            problem(section.Subsections[0].Line, $"'## {name}' takes no '###' headings.");
        }

        if (name is HelpSections.Examples or HelpSections.Parameters or HelpSections.Inputs or HelpSections.Outputs
            && section.Body.FirstOrDefault(l => !l.IsBlank) is { Number: > 0 } stray)
        {
            problem(stray.Number, $"Text under '## {name}' must sit under a '###' heading.");
        }

        switch (name)
        {
            case HelpSections.Synopsis:
                document.Synopsis = ProseReader.Read(section.Body);
                break;
            case HelpSections.Description:
                document.Description = ProseReader.Read(section.Body);
                break;
            case HelpSections.Notes:
                document.Notes = ReadNotes(section);
                break;
            case HelpSections.Examples:
                document.Examples.AddRange(section.Subsections.Select(s => ReadExample(s, problem)).OfType<HelpExample>());
                break;
            case HelpSections.Parameters:
                document.Parameters.AddRange(section.Subsections.Select(s => ReadParameter(s, problem)).OfType<HelpParameter>());
                break;
            case HelpSections.Inputs:
                document.Inputs.AddRange(section.Subsections.Select(s => new HelpTypeEntry(s.Title, ProseReader.Read(s.Body), s.Line)));
                break;
            case HelpSections.Outputs:
                document.Outputs.AddRange(section.Subsections.Select(s => new HelpTypeEntry(s.Title, ProseReader.Read(s.Body), s.Line)));
                break;
            case HelpSections.RelatedLinks:
                document.RelatedLinks.AddRange(ReadLinks(section.Body, problem));
                break;
        }
    }

    /// <summary>Notes may group their text under '###' headings; each heading becomes a paragraph of its own.</summary>
    private static HelpText ReadNotes(Section section)
    {
        HelpText lead = ProseReader.Read(section.Body);
        var paragraphs = new List<string>(lead.Paragraphs);
        foreach (Subsection part in section.Subsections)
        {
            paragraphs.Add(ProseReader.Plain(part.Title).ToUpperInvariant());
            paragraphs.AddRange(ProseReader.Read(part.Body).Paragraphs);
        }

        return new HelpText(paragraphs, section.Line);
    }

    private static HelpExample? ReadExample(Subsection example, Action<int, string> problem)
    {
        List<SourceLine> body = example.Body.SkipWhile(l => l.IsBlank).ToList();
        if (body.Count == 0 || body[0].FenceLanguage is not { } language || !language.Equals("powershell", StringComparison.OrdinalIgnoreCase))
        {
            problem(body.Count > 0 ? body[0].Number : example.Line, $"Example '{example.Title}' must start with a ```powershell block.");
            return null;
        }

        int close = body.FindIndex(1, l => l.FenceLanguage is not null);
        if (close < 0)
        {
            problem(body[0].Number, $"The code block of example '{example.Title}' is never closed.");
            return null;
        }

        string code = string.Join("\n", body.Skip(1).Take(close - 1).Select(l => l.Text.TrimEnd()));
        return new HelpExample(ProseReader.Plain(example.Title), code, body[0].Number + 1, ProseReader.Read(body.Skip(close + 1).ToList()), example.Line);
    }

    private static HelpParameter? ReadParameter(Subsection parameter, Action<int, string> problem)
    {
        if (!parameter.Title.StartsWith('-') || parameter.Title.Length < 2 || parameter.Title.Contains(' '))
        {
            problem(parameter.Line, $"A parameter heading is '### -Name'; '### {parameter.Title}' is not.");
            return null;
        }

        HelpText text = ProseReader.Read(parameter.Body);
        const string DefaultPrefix = "Default value:";
        string? defaultValue = text.Paragraphs.FirstOrDefault(p => p.StartsWith(DefaultPrefix, StringComparison.OrdinalIgnoreCase))?[DefaultPrefix.Length..].Trim();
        var description = new HelpText(text.Paragraphs.Where(p => !p.StartsWith(DefaultPrefix, StringComparison.OrdinalIgnoreCase)).ToList(), text.Line);
        return new HelpParameter(parameter.Title[1..], description, defaultValue, parameter.Line);
    }

    private static IEnumerable<HelpLink> ReadLinks(IReadOnlyList<SourceLine> body, Action<int, string> problem)
    {
        foreach (SourceLine line in body.Where(l => !l.IsBlank))
        {
            Match link = LinkLine().Match(line.Text);
            if (!link.Success)
            {
                problem(line.Number, "A related link is '- Verb-Noun', '- about_Topic' or '- [text](https://...)'.");
                continue;
            }

            yield return link.Groups["uri"].Success
                ? new HelpLink(link.Groups["text"].Value.Trim(), link.Groups["uri"].Value, line.Number)
                : new HelpLink(link.Groups["name"].Value.Trim(), null, line.Number);
        }
    }

    /// <summary>Splits the file at its headings; code fences are skipped over, so a '#' comment in code is no heading.</summary>
    private static List<Section> SplitIntoSections(SourceLine[] lines, HelpDocument document, Action<int, string> problem)
    {
        var sections = new List<Section>();
        bool inFence = false;
        foreach (SourceLine line in lines)
        {
            if (line.FenceLanguage is not null)
            {
                inFence = !inFence;
            }

            Match heading = inFence || line.FenceLanguage is not null ? Match.Empty : Heading().Match(line.Text);
            if (!heading.Success)
            {
                if (sections.Count > 0)
                {
                    sections[^1].Append(line);
                }
                else if (!line.IsBlank)
                {
                    problem(line.Number, "Only the '# Verb-Noun' heading may come before the first '##' section.");
                }

                continue;
            }

            string title = heading.Groups["title"].Value.Trim();
            switch (heading.Groups["level"].Length)
            {
                case 1 when document.CommandName is null && sections.Count == 0:
                    document.CommandName = title;
                    document.CommandNameLine = line.Number;
                    break;
                case 1:
                    problem(line.Number, "A help file has one '#' heading, the cmdlet's name, on its first line.");
                    break;
                case 2:
                    sections.Add(new Section(title, line.Number));
                    break;
                case 3 when sections.Count > 0:
                    sections[^1].Subsections.Add(new Subsection(title, line.Number));
                    break;
                default:
                    problem(line.Number, $"Heading '{line.Text.Trim()}' is out of place: '###' headings sit inside a '##' section, and there is no '####'.");
                    break;
            }
        }

        if (inFence)
        {
            problem(lines.Length, "A code block is never closed.");
        }

        return sections;
    }

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<title>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*]\s+(?:\[(?<text>[^\]]+)\]\((?<uri>https?://[^)\s]+)\)|(?<name>(?:about_\w+|[A-Za-z]+-[A-Za-z0-9]+)))\s*$")]
    private static partial Regex LinkLine();

    private sealed class Section(string title, int line)
    {
        public string Title { get; } = title;

        public int Line { get; } = line;

        public List<SourceLine> Body { get; } = [];

        public List<Subsection> Subsections { get; } = [];

        public void Append(SourceLine line)
        {
            if (Subsections.Count > 0)
            {
                Subsections[^1].Body.Add(line);
            }
            else
            {
                Body.Add(line);
            }
        }
    }

    private sealed class Subsection(string title, int line)
    {
        public string Title { get; } = title;

        public int Line { get; } = line;

        public List<SourceLine> Body { get; } = [];
    }
}
