namespace IdentityContainment.Graph;

/// <summary>Graph paths as an operator reads them: relative to the version root, with $ not %24.</summary>
internal static class GraphPaths
{
    public static string Describe(Uri requestUri, Uri graphEndpoint)
    {
        string full = Uri.UnescapeDataString(requestUri.PathAndQuery);
        string root = graphEndpoint.AbsolutePath.TrimEnd('/');
        return root.Length > 0 && full.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? full.Substring(root.Length) : full;
    }

    /// <summary>Escapes a user id or UPN for a path segment; Graph wants '#' in guest UPNs as %23 and a leading '$' quoted.</summary>
    public static string UserSegment(string userId)
    {
        string escaped = Uri.EscapeDataString(userId);
        return userId.StartsWith("$", StringComparison.Ordinal) ? $"('{escaped}')" : "/" + escaped;
    }
}
