using System.Management.Automation;
using System.Text;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

/// <summary>
/// Import-Csv's result for Export-Csv output (the hosted engine has no Import-Csv): the first row names the columns,
/// fields may be quoted with "" for a quote and hold line breaks, and each row becomes a PSCustomObject of strings.
/// </summary>
internal static class CsvRows
{
    public static IReadOnlyList<PSObject> Parse(string text)
    {
        List<List<string>> rows = Fields(text.TrimStart('\uFEFF'));
        List<string> header = rows[0];
        return rows.Skip(1).Where(row => row.Count > 1 || row[0].Length > 0).Select(row => Row(header, row)).ToList();
    }

    /// <summary>An Import-Csv row with the given columns, in order.</summary>
    public static PSObject Row(IReadOnlyList<string> columns, IReadOnlyList<string> values)
    {
        var row = new PSObject();
        for (int i = 0; i < columns.Count; i++)
        {
            row.Properties.Add(new PSNoteProperty(columns[i], i < values.Count ? values[i] : string.Empty));
        }

        return row;
    }

    private static List<List<string>> Fields(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = new List<string>();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
