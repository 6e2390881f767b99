using IdentityContainment.Sandbox;

namespace IdentityContainment.Drill;

/// <summary>The residual-access scorecard: each attacker foothold, open or closed, as the tenant itself says.</summary>
internal static class Scorecard
{
    public static void Print(IReadOnlyList<FootholdStatus> footholds, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Residual access (ground truth from the sandbox tenant)");
        string[] headers = { "State", "Kind", "User", "Foothold", "Why" };
        List<string[]> rows = footholds
            .OrderByDescending(f => f.IsOpen)
            .ThenBy(f => f.Kind)
            .Select(f => new[] { f.IsOpen ? "OPEN" : "closed", f.Kind.ToString(), f.UserPrincipalName ?? f.UserId, f.Id, f.Reason })
            .ToList();

        int[] widths = headers.Select((h, column) => Math.Max(h.Length, rows.Select(r => r[column].Length).DefaultIfEmpty(0).Max())).ToArray();
        widths[^1] = headers[^1].Length;
        output.WriteLine(Line(headers, widths));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToArray(), widths));
        foreach (string[] row in rows)
        {
            output.WriteLine(Line(row, widths));
        }

        int open = footholds.Count(f => f.IsOpen);
        output.WriteLine();
        output.WriteLine(open == 0
            ? $"Contained: all {footholds.Count} footholds are closed."
            : $"NOT contained: {open} of {footholds.Count} footholds still give the attacker access.");
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => column == cells.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd();
}
