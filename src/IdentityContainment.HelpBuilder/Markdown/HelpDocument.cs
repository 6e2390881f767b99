namespace IdentityContainment.HelpBuilder.Markdown;

/// <summary>The help of one cmdlet as its markdown file states it. Text is already reduced to plain paragraphs.</summary>
internal sealed class HelpDocument
{
    public HelpDocument(string path) => Path = path;

    public string Path { get; }

    /// <summary>The level-one heading: the cmdlet's name.</summary>
    public string? CommandName { get; set; }

    public int CommandNameLine { get; set; }

    public HelpText Synopsis { get; set; } = HelpText.Empty;

    public HelpText Description { get; set; } = HelpText.Empty;

    public List<HelpExample> Examples { get; } = [];

    public List<HelpParameter> Parameters { get; } = [];

    public List<HelpTypeEntry> Inputs { get; } = [];

    public List<HelpTypeEntry> Outputs { get; } = [];

    public HelpText Notes { get; set; } = HelpText.Empty;

    public List<HelpLink> RelatedLinks { get; } = [];

    /// <summary>The level-two sections present, by canonical name, with the line each starts on.</summary>
    public Dictionary<string, int> Sections { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Paragraphs of plain text and the markdown line they start on.</summary>
internal sealed record HelpText(IReadOnlyList<string> Paragraphs, int Line)
{
    public static readonly HelpText Empty = new([], 0);

    public bool IsEmpty => Paragraphs.Count == 0;
}

/// <summary>An example; <see cref="CodeLine"/> is the markdown line of the code's first line, so problems in code point at it.</summary>
internal sealed record HelpExample(string Title, string Code, int CodeLine, HelpText Explanation, int Line);

/// <summary>A parameter's section. <see cref="DefaultValue"/> comes from a "Default value:" paragraph, for defaults code cannot show.</summary>
internal sealed record HelpParameter(string Name, HelpText Description, string? DefaultValue, int Line);

internal sealed record HelpTypeEntry(string TypeName, HelpText Description, int Line);

/// <summary>A related topic: another cmdlet or an about_ topic by name, or a web page (with <see cref="Uri"/>).</summary>
internal sealed record HelpLink(string Text, string? Uri, int Line);
