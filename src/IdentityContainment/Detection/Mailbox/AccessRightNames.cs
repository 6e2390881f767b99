namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// Access rights as the permission cmdlets print them: a live object gives a list, a CSV export one cell such as
/// "FullAccess, ReadPermission" or "{Reviewer}". Rules read the single names.
/// </summary>
public static class AccessRightNames
{
    public static string[] Split(IEnumerable<string?> rights) =>
        rights.SelectMany(r => (r ?? string.Empty).Split(new[] { ',', ';', '{', '}', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            .Select(r => r.Trim())
            .Where(r => r.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    /// <summary>True when the rights grant anything: any right but "None".</summary>
    public static bool GrantAnything(IEnumerable<string?> rights) =>
        Split(rights).Any(r => !string.Equals(r, "None", StringComparison.OrdinalIgnoreCase));
}
