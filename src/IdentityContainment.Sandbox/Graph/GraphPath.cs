using System.Text.RegularExpressions;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Splits a Graph path into decoded segments, turning key syntax users('x') into users/x, and an alternate key
/// servicePrincipals(appId='x') into the segments servicePrincipals(appId) and x, so a route names the alternate key.
/// </summary>
internal static partial class GraphPath
{
    [GeneratedRegex(@"^(?<name>[^(]+)\('(?<key>.*)'\)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex KeySegment();

    [GeneratedRegex(@"^(?<name>[^(]+)\((?<property>[A-Za-z]+)='(?<key>.*)'\)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex AlternateKeySegment();

    public static IReadOnlyList<string> Segments(string rawPath)
    {
        var segments = new List<string>();
        foreach (var raw in rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var decoded = Uri.UnescapeDataString(raw);
            var key = KeySegment().Match(decoded);
            var alternate = AlternateKeySegment().Match(decoded);
            if (alternate.Success)
            {
                segments.Add($"{alternate.Groups["name"].Value}({alternate.Groups["property"].Value})");
                segments.Add(alternate.Groups["key"].Value.Replace("''", "'", StringComparison.Ordinal));
            }
            else if (key.Success)
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
