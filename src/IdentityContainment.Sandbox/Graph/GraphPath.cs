using System.Text.RegularExpressions;

namespace IdentityContainment.Sandbox;

/// <summary>Splits a Graph path into decoded segments, turning key syntax users('x') into users/x.</summary>
internal static partial class GraphPath
{
    [GeneratedRegex(@"^(?<name>[^(]+)\('(?<key>.*)'\)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex KeySegment();

    public static IReadOnlyList<string> Segments(string rawPath)
    {
        var segments = new List<string>();
        foreach (var raw in rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var decoded = Uri.UnescapeDataString(raw);
            var key = KeySegment().Match(decoded);
            if (key.Success)
            {
                segments.Add(key.Groups["name"].Value);
                segments.Add(key.Groups["key"].Value.Replace("''", "'", StringComparison.Ordinal));
            }
            else
                segments.Add(decoded);
        }
        return segments;
    }

    /// <summary>The decoded path with a leading slash: what fault rules and the request log see.</summary>
    public static string Decoded(string rawPath) => "/" + Uri.UnescapeDataString(rawPath.TrimStart('/'));
}
