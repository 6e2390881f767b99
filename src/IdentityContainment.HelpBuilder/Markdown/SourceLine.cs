namespace IdentityContainment.HelpBuilder.Markdown;

/// <summary>A line of a markdown file and its 1-based number, so every problem can point at the line to fix.</summary>
internal readonly record struct SourceLine(int Number, string Text)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    /// <summary>The language of an opening code fence (empty for a bare fence), or null when the line is no fence.</summary>
    public string? FenceLanguage => Text.TrimStart().StartsWith("```", StringComparison.Ordinal) ? Text.Trim()[3..].Trim() : null;
}
