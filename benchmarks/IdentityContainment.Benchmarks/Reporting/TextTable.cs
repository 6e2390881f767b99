namespace IdentityContainment.Benchmarks.Reporting;

/// <summary>A plain-text table for a terminal or a CI log: the first column left-aligned, the numbers right-aligned.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers) => _headers = headers;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row needs {_headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void WriteTo(TextWriter output, string indent = "  ")
    {
        int[] widths = _headers.Select((header, column) => Math.Max(header.Length, _rows.Select(row => row[column].Length).DefaultIfEmpty(0).Max())).ToArray();
        output.WriteLine(indent + Line(_headers, widths));
        output.WriteLine(indent + Line(widths.Select(width => new string('-', width)).ToArray(), widths));
        foreach (string[] row in _rows)
        {
            output.WriteLine(indent + Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd();
}
