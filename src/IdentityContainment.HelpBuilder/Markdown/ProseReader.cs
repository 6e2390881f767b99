using System.Text;
using System.Text.RegularExpressions;

namespace IdentityContainment.HelpBuilder.Markdown;

/// <summary>
/// Turns the markdown of a section into the plain paragraphs Get-Help prints. Get-Help shows text as it is, so markdown
/// marks that only matter to a renderer (inline code ticks, emphasis, link syntax) are taken out; each list item and each
/// fenced block becomes a paragraph of its own, the block keeping its lines.
/// </summary>
internal static partial class ProseReader
{
    public static HelpText Read(IReadOnlyList<SourceLine> lines)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        int firstLine = 0;

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(Plain(current.ToString()));
                current.Clear();
            }
        }

        for (int i = 0; i < lines.Count; i++)
        {
            SourceLine line = lines[i];
            if (line.IsBlank)
            {
                Flush();
                continue;
            }

            if (firstLine == 0)
            {
                firstLine = line.Number;
            }

            if (line.FenceLanguage is not null)
            {
                Flush();
                var block = new List<string>();
                for (i++; i < lines.Count && lines[i].FenceLanguage is null; i++)
                {
                    block.Add(lines[i].Text.TrimEnd());
                }

                // A fenced block is shown verbatim: its ticks and spacing are the point.
                paragraphs.Add(string.Join("\n", block));
                continue;
            }

            Match item = ListItem().Match(line.Text);
            if (item.Success)
            {
                Flush();
                string indent = item.Groups["indent"].Length >= 2 ? "  " : string.Empty;
                string marker = item.Groups["marker"].Value is "*" ? "-" : item.Groups["marker"].Value;
                current.Append(indent).Append(marker).Append(' ').Append(item.Groups["text"].Value.Trim());
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line.Text.Trim());
        }

        Flush();
        return new HelpText(paragraphs, firstLine);
    }

    /// <summary>Removes inline markdown that Get-Help would print literally.</summary>
    public static string Plain(string text)
    {
        string withoutLinks = InlineLink().Replace(text, m => $"{m.Groups["text"].Value} ({m.Groups["uri"].Value})");
        string withoutCode = InlineCode().Replace(withoutLinks, m => m.Groups["code"].Value);
        return Emphasis().Replace(withoutCode, m => m.Groups["text"].Value);
    }

    [GeneratedRegex(@"^(?<indent>\s*)(?<marker>[-*]|\d+\.)\s+(?<text>.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<uri>[^)\s]+)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\*\*(?<text>[^*]+)\*\*")]
    private static partial Regex Emphasis();
}
